// jsdom lacks a few layout APIs the virtualizer and dialogs call; they do nothing here.
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

if (!Element.prototype.scrollTo) Element.prototype.scrollTo = function scrollTo() {};
Object.defineProperty(navigator, 'languages', { value: ['en-US'], configurable: true });
afterEach(() => cleanup());
