// The slice of autocannon 9's programmatic API the benchmark uses (the package ships no types).
declare module "autocannon" {
  export interface Options {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    /** Seconds a request may take before it counts as a timeout. */
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    /** Resolve with encoded histograms (RawResult) that aggregateResult can merge across runs. */
    skipAggregateResult?: boolean;
  }

  /** Percentiles are keyed p50, p90, p99, …; latency in ms. */
  export interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p99: number;
  }

  export interface Result {
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
    latency: Histogram;
    /** `total` is the number of completed requests. */
    requests: Histogram & { sent: number };
    throughput: Histogram;
  }

  /** One run before aggregation; `duration` in seconds. */
  export interface RawResult {
    duration: number;
    totalCompletedRequests: number;
    errors: number;
    non2xx: number;
  }

  export interface Instance<T> extends PromiseLike<T> {
    stop(): void;
  }

  function autocannon(options: Options & { skipAggregateResult: true }): Instance<RawResult>;
  function autocannon(options: Options): Instance<Result>;
  namespace autocannon {
    /** Merges runs made with skipAggregateResult: latency percentiles over every request of every run. */
    function aggregateResult(results: RawResult[], options: Options): Result;
  }
  export default autocannon;
}
