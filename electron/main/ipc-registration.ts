// The one module that touches Electron's ipcMain (the lint forbids it elsewhere): it installs the
// contract's handlers through handle(), which stays testable with a stand-in for ipcMain.
import { ipcMain } from 'electron';
import { handle, type Dispatch, type TrustedSenders } from './ipc';

export const registerIpcHandlers = (dispatch: Dispatch, trusted: TrustedSenders): (() => void) =>
  handle(ipcMain, dispatch, trusted);
