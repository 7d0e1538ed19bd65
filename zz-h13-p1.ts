import { benchInventory } from './bench/inventory/p1-inventory';
import { printReport } from './bench/report';
printReport(await benchInventory());
