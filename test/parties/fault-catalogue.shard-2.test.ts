import { describeFaultRuns } from './fault-runs.js';

describeFaultRuns(2, 4);
