/**
 * Peak resident set size. The kernel's high-water mark (`maxRSS`) covers the whole process so far, so
 * the stats section runs first; samples taken between batches back it up where maxRSS is unavailable.
 */
export class PeakRss {
  private peakBytes = 0;

  sample(): void {
    this.peakBytes = Math.max(this.peakBytes, process.memoryUsage.rss());
  }

  mb(): number {
    this.sample();
    const kernelPeak = process.resourceUsage().maxRSS * 1024;
    return Math.round(Math.max(this.peakBytes, kernelPeak) / 1_048_576);
  }
}
