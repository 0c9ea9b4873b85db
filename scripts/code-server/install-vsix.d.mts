/** Installs a VSIX into a code-server extensions folder; resolves with the installer's last line. */
export function installVsix(vsix: string, extensionsDir: string, configDir: string): Promise<string>;
