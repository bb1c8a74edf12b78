/**
 * Shared kernel: the error type for failing external calls and its {@link app.leadgen.support.FailureKind},
 * the JSON HTTP client every vendor adapter uses ({@code support.http}), run cancellation, retry
 * policy, secret handling, small text and prompt helpers, and the list of missing settings that the
 * UI shows. Every other module may use it; it uses none of them.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package app.leadgen.support;
