// The residents' page: districts, their unsafe places and measures.
import { startApp } from './app.js';

startApp();
