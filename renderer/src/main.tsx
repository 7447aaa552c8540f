import { boot } from './boot';
import { MainWindow } from './views/MainWindow';

boot(MainWindow);
