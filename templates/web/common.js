// For pages that only show a message: makes the header's sign-out button work.
// flow: browser --> common.js --> dom.js
import { wireSignOut } from './dom.js';

wireSignOut();
