import { describe, expect, it } from 'vitest';
import { releaseZip } from '../bench/fdc-import.bench.js';

describe('the FDC import bench', () => {
  it('fails, naming where it looked, when the Foundation release is missing (never skips)', () => {
    expect(() => releaseZip({ CALCWISE_SHARED_DATA: '/nonexistent/data' })).toThrow(
      /needs the Foundation release zip, not found at \/nonexistent\/data\/fdc\/foundation_2024-10-31\/FoodData_Central_foundation_food_csv_2024-10-31\.zip/,
    );
  });
});
