// For pages that only show a message: makes the header's sign-out button work.
// flow: browser --> common --> dom
import { wireSignOut } from './dom.ts';

wireSignOut();
