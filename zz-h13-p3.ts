import { benchRenderer } from './bench/renderer/p3-renderer';
import { printReport } from './bench/report';
printReport(await benchRenderer());
