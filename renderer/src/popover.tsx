import { boot } from './boot';
import { Popover } from './views/Popover';

boot(Popover);
