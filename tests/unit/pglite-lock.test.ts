import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirInUseError, lockPathFor } from "@/db/pglite-lock";

describe("lockPathFor", () => {
  it("puts the lock beside the data folder, not inside it", () => {
    expect(lockPathFor("/srv/chairside/pglite")).toBe("/srv/chairside/pglite.lock");
  });

  it("gives one lock file for every spelling of the same folder", () => {
    const cwd = process.cwd();
    const expected = path.join(cwd, ".data", "pglite.lock");

    expect(lockPathFor(".data/pglite")).toBe(expected);
    expect(lockPathFor("./.data/pglite/")).toBe(expected);
    expect(lockPathFor(path.join(cwd, ".data", "x", "..", "pglite"))).toBe(expected);
  });
});

describe("acquireDataDirLock", () => {
  let root: string;
  let dir: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "chairside-lock-unit-"));
    dir = path.join(root, "pglite");
  });

  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  const owner = () => fs.readFileSync(lockPathFor(dir), "utf8");

  it("records this process as the owner and removes the lock on release", () => {
    const release = acquireDataDirLock(dir);
    expect(owner()).toBe(String(process.pid));

    release();
    expect(fs.existsSync(lockPathFor(dir))).toBe(false);
  });

  it("refuses a folder held by another live process, naming that process", () => {
    // Our parent (the vitest main process) is alive and is not us.
    fs.writeFileSync(lockPathFor(dir), String(process.ppid));

    expect(() => acquireDataDirLock(dir)).toThrow(DataDirInUseError);
    expect(() => acquireDataDirLock(dir)).toThrow(`already in use by process ${process.ppid}`);
    expect(owner()).toBe(String(process.ppid));
  });

  it("takes over a lock whose owner has exited", () => {
    const exited = spawnSync(process.execPath, ["-e", ""]);
    fs.writeFileSync(lockPathFor(dir), String(exited.pid));

    const release = acquireDataDirLock(dir);

    expect(owner()).toBe(String(process.pid));
    release();
  });

  it("takes over a half-written lock file", () => {
    fs.writeFileSync(lockPathFor(dir), "");

    const release = acquireDataDirLock(dir);

    expect(owner()).toBe(String(process.pid));
    release();
  });

  it("does not remove a lock that another process has taken since", () => {
    const release = acquireDataDirLock(dir);
    fs.writeFileSync(lockPathFor(dir), String(process.ppid));

    release();

    expect(owner()).toBe(String(process.ppid));
  });

  it("refuses a second open of the same folder inside this process, even through a symlink", () => {
    fs.mkdirSync(dir);
    const link = path.join(root, "alias");
    fs.symlinkSync(dir, link);
    const release = acquireDataDirLock(dir);

    expect(() => acquireDataDirLock(dir)).toThrow(DataDirInUseError);
    expect(() => acquireDataDirLock(link)).toThrow(DataDirInUseError);
    release();
    acquireDataDirLock(link)();
  });
});
