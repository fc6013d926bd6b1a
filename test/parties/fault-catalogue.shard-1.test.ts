import { describeFaultRuns } from './fault-runs.js';

describeFaultRuns(1, 4);
