import { describeVariantRuns } from './variant-runs.js';

describeVariantRuns(2, 3);
