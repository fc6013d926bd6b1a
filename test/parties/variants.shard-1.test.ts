import { describeVariantRuns } from './variant-runs.js';

describeVariantRuns(1, 3);
