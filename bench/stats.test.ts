/**
 * Percentiles and the CPU-profile summary used in the bench summary and docs/performance.md.
 * flow: vitest --> stats, summarize-profile
 */
import { describe, expect, it } from 'vitest';
import { latencySummary, median, percentile } from './stats.ts';
import { summarize } from './summarize-profile.ts';

describe('percentiles', () => {
  it('uses the nearest rank, whatever the order of the samples', () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 90)).toBe(9);
    expect(percentile(samples, 99)).toBe(10);
    expect(percentile(samples, 0)).toBe(1);
    expect(median([3, 1, 2])).toBe(2);
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarises latencies with p99 from the slowest requests', () => {
    const samples = [...Array.from({ length: 99 }, () => 10), 500];
    const s = latencySummary(samples);
    expect(s).toMatchObject({ count: 100, p50Ms: 10, p99Ms: 10, maxMs: 500, meanMs: 14.9 });
  });
});

describe('CPU profile summary', () => {
  it('adds self time per frame and inclusive time along the stack', () => {
    const frame = (id: number, name: string, url: string, children: number[] = []) => ({ id, callFrame: { functionName: name, url, lineNumber: 0 }, children });
    const profile = {
      nodes: [
        frame(1, '(root)', '', [2]),
        frame(2, 'renderPdf', 'file:///work/main/templates/pdf/render-pdf.ts', [3, 4]),
        frame(3, 'measure', 'file:///work/main/node_modules/pdfmake/js/TextInlines.js'),
        frame(4, 'deflate', 'node:zlib'),
      ],
      startTime: 0,
      endTime: 10_000,
      // A sample's time is the delta to the next one: 3 ms in measure, 1 ms in deflate, 2 ms in renderPdf itself.
      samples: [3, 3, 3, 4, 2, 2],
      timeDeltas: [0, 1000, 1000, 1000, 1000, 1000, 1000],
    };
    const s = summarize(profile);
    expect(s.wallMs).toBe(10);
    const measure = s.bySelf.find((f) => f.frame.startsWith('measure'))!;
    expect(measure).toMatchObject({ frame: 'measure pdfmake/js/TextInlines.js:1', selfMs: 3, totalMs: 3 });
    const render = s.byTotal.find((f) => f.frame.startsWith('renderPdf'))!;
    expect(render).toMatchObject({ frame: 'renderPdf templates/pdf/render-pdf.ts:1', selfMs: 2, totalMs: 6 });
    expect(s.byFile[0]).toEqual({ file: 'pdfmake/js/TextInlines.js', selfMs: 3 });
  });
});
