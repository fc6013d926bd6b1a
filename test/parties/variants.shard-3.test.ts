import { describeVariantRuns } from './variant-runs.js';

describeVariantRuns(3, 3);
