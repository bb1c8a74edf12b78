/**
 * Runs: one execution of the pipeline (crawl → flatten → profiles → web search → store) as a JobRunr
 * job, with its status, per-stage counts and stop request, and the runs API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Runs")
package app.leadgen.runs;
