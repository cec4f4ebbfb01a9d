/**
 * What a file's path and a match's line say about how likely a value there is a live credential.
 * A test suite, a manual or a template is written to show or exercise code: its `user:pass` and
 * its made-up keys are typed for the occasion. Only judgements that cannot be made from the value
 * alone use this: a provider-format key is a finding wherever it is.
 */

/**
 * Test suites and their fixtures: a directory of that name anywhere in the path (git's and Perl's
 * `t/` included), or a test file's own name (`foo_test.go`, `foo.spec.ts`, `test_foo.py`,
 * `FooTest.java`, `FooTests.cs`).
 */
const TEST_PATH =
  /(?:^|\/)(?:tests?|t|specs?|__tests__|__mocks__|__fixtures__|testdata|test[-_]data|testing|testutils?|test[-_]?helpers?)\/|(?:^|\/)(?:[^/]+[._-](?:test|tests|spec)\.[^/]+|test_[^/]+\.py|[^/]*[a-z0-9](?:Test|Tests|Spec)\.(?:java|kt|kts|scala|groovy|cs|fs|vb|swift|php|m|mm|rb|js|ts))$/;

/**
 * Manuals: markup and plain-text documentation files, and the directories projects keep their
 * documentation, guides and examples in.
 */
const DOC_PATH =
  /\.(?:md|mdx|markdown|rst|adoc|asciidoc|textile|rdoc|pod|texi|[1-9]|man)$|(?:^|\/)(?:readme|install|usage|changelog|changes|faq|howto)(?:\.[\w-]+)?$|(?:^|\/)(?:docs?|documentation|guides?|manual|man|examples?|samples?|demos?|tutorials?)\//i;

/** Templates that generators and config-management tools expand into the real file. */
const TEMPLATE_PATH = /\.(?:tt|erb|j2|jinja2?|tmpl|tpl|template|mustache|hbs|example|sample|dist|in)$/i;

/** A line that is a comment in most languages and formats (its head, up to the match). */
const COMMENT_HEAD = /^[ \t]*(?:#|\/\/|\/\*|\*|<!--|--(?:[ \t]|$)|;|%|rem[ \t])/i;

/** A `fixtures/` directory outside a test suite: test data, or seed data (Django's `loaddata`). */
const FIXTURES = /(?:^|\/)fixtures?\//;

export function isTestPath(path: string | undefined): boolean {
  return path !== undefined && (TEST_PATH.test(path) || FIXTURES.test(path));
}

export function isDocPath(path: string | undefined): boolean {
  return path !== undefined && DOC_PATH.test(path);
}

/** A test suite's, a manual's or a template's file. */
export function isIllustrativePath(path: string | undefined): boolean {
  return isTestPath(path) || isDocPath(path) || (path !== undefined && TEMPLATE_PATH.test(path));
}

/** As {@link isIllustrativePath}, but a bare `fixtures/` directory may seed a real database. */
export function isExamplePath(path: string | undefined): boolean {
  return path !== undefined && (TEST_PATH.test(path) || isDocPath(path) || TEMPLATE_PATH.test(path));
}

/**
 * Where a typed-out credential (`someuser:somepassword`, `hunter42`) is there to show or test
 * something: a test suite, a manual, a template, or a comment in any file.
 */
export function isIllustrative(path: string | undefined, lineHead: string): boolean {
  return isIllustrativePath(path) || COMMENT_HEAD.test(lineHead);
}
