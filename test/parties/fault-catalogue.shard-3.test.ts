import { describeFaultRuns } from './fault-runs.js';

describeFaultRuns(3, 4);
