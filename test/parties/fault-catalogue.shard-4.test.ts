import { describeFaultRuns } from './fault-runs.js';

describeFaultRuns(4, 4);
