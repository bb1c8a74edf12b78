/**
 * Shared kernel: the error type for failing external calls, retry policy, secret handling and the
 * list of missing settings that the UI shows. Every other module may use it; it uses none of them.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package app.leadgen.support;
