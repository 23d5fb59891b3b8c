/**
 * Starts a throw-away Neo4j Community server for tests, CI, benchmarks and `scripts/run neo4j`.
 *
 * Neo4j comes from Maven Central only: `pom.xml` beside this file names `org.neo4j:neo4j`, Maven
 * resolves its runtime classpath into `.tools/m2` (once per version; the classpath is cached in
 * `.tools/neo4j/<version>/classpath.txt`), and `Neo4jServer.java`, a single-file program, runs
 * the DBMS with Bolt on a loopback port and auth enabled. Nothing here needs Docker or a
 * download from anywhere else.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');

/**
 * The versions CI tests: the newest 5.26 LTS patch and the newest calendar-versioned release that
 * Maven Central serves (checked 2026-12-02 with the versions plugin: docs/neo4j-server.md).
 */
export const NEO4J_VERSIONS = { '5': '5.26.30', latest: '2026.08.1' } as const;
export type Neo4jVersionAlias = keyof typeof NEO4J_VERSIONS;

export interface Neo4jServerOptions {
  /** `5`, `latest` or an exact Maven version such as `5.26.30`; default `5`. */
  version?: string;
  /** Server home (store, logs, neo4j.conf). Reused when it exists; default a fresh temp dir that stop() removes. */
  home?: string;
  /** Bolt port on 127.0.0.1; default a free one. */
  port?: number;
  /** Password of the `neo4j` user; default random. */
  password?: string;
  /** JVM heap, e.g. `1g` (default), and page cache, e.g. `256m` (default). */
  heap?: string;
  pageCache?: string;
  /** Further neo4j.conf settings, e.g. `{ 'server.databases.default_to_read_only': 'true' }`. */
  settings?: Record<string, string>;
  /** How long to wait for Bolt (default 240 s: two shared cores, a cold Maven cache). */
  startTimeoutMs?: number;
  /** Called with each line Maven or the server prints on stderr (default: kept for errors only). */
  onLog?: (line: string) => void;
}

export interface RunningNeo4j {
  uri: string;
  user: string;
  password: string;
  /** What the server reports (`CALL dbms.components()`). */
  version: string;
  home: string;
  port: number;
  pid: number;
  /** SIGSTOP / SIGCONT / SIGKILL ..., for failure tests. */
  signal(signal: NodeJS.Signals): void;
  /** Resolves when the JVM has exited (on its own, by signal or by stop()). */
  exited(): Promise<void>;
  /** Starts the server again on the same home and port (after a kill: recovery runs), with other settings if given. */
  restart(settings?: Record<string, string>): Promise<RunningNeo4j>;
  /** SIGTERM (SIGKILL after 30 s), then removes the home if it was a temp dir. */
  stop(): Promise<void>;
}

export function resolveNeo4jVersion(version = '5'): string {
  if (version in NEO4J_VERSIONS) return NEO4J_VERSIONS[version as Neo4jVersionAlias];
  if (!/^\d{1,4}\.\d{1,2}\.\d{1,3}$/.test(version)) {
    throw new Error(`Neo4j version ${JSON.stringify(version)}: use 5, latest or an exact version such as ${NEO4J_VERSIONS['5']}`);
  }
  return version;
}

/** 5.x runs on Java 17; the calendar-versioned releases (2025.01 on) need Java 21. */
function requiredJavaMajor(version: string): number {
  return Number(version.split('.')[0]) >= 2025 ? 21 : 17;
}

function javaMajorOf(javaBinary: string): number {
  const run = spawnSync(javaBinary, ['-version'], { encoding: 'utf8' });
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${run.stderr ?? ''}${run.stdout ?? ''}`);
  if (!match) return 0;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

/** JAVA_HOME, then `java` on PATH, then the JDKs under /usr/lib/jvm: the first that is new enough. */
export function findJava(version: string): string | null {
  const need = requiredJavaMajor(version);
  const candidates: string[] = [];
  if (process.env.JAVA_HOME) candidates.push(join(process.env.JAVA_HOME, 'bin', 'java'));
  candidates.push('java');
  if (existsSync('/usr/lib/jvm')) {
    for (const dir of readdirSync('/usr/lib/jvm').sort().reverse()) candidates.push(join('/usr/lib/jvm', dir, 'bin', 'java'));
  }
  for (const candidate of candidates) {
    if (candidate !== 'java' && !existsSync(candidate)) continue;
    if (javaMajorOf(candidate) >= need) return candidate;
  }
  return null;
}

function hasMaven(): boolean {
  return spawnSync('mvn', ['--version'], { encoding: 'utf8' }).status === 0;
}

function classpathFile(version: string): string {
  return join(ROOT, '.tools', 'neo4j', version, 'classpath.txt');
}

function cachedClasspath(version: string): string | null {
  const file = classpathFile(version);
  if (!existsSync(file)) return null;
  const classpath = readFileSync(file, 'utf8').trim();
  return classpath.split(':').every((jar) => existsSync(jar)) ? classpath : null;
}

/**
 * Why a server cannot be started here, or null when it can: Java new enough for the version,
 * and Maven unless the classpath is already cached.
 */
export function neo4jUnavailableReason(versionOption = '5'): string | null {
  const version = resolveNeo4jVersion(versionOption);
  if (!findJava(version)) return `no Java ${requiredJavaMajor(version)}+ found (JAVA_HOME, PATH, /usr/lib/jvm) for Neo4j ${version}`;
  if (!cachedClasspath(version) && !hasMaven()) return `Maven (mvn) not found: it fetches Neo4j ${version} from Maven Central`;
  return null;
}

/** Maven resolves org.neo4j:neo4j:<version> and its runtime dependencies into .tools/m2. */
export function neo4jClasspath(versionOption = '5', onLog?: (line: string) => void): string {
  const version = resolveNeo4jVersion(versionOption);
  const cached = cachedClasspath(version);
  if (cached) return cached;
  const file = classpathFile(version);
  mkdirSync(dirname(file), { recursive: true });
  onLog?.(`neo4j: resolving org.neo4j:neo4j:${version} from Maven Central into .tools/m2 ...`);
  const run = spawnSync(
    'mvn',
    [
      '-q',
      '-B',
      `-Dmaven.repo.local=${join(ROOT, '.tools', 'm2')}`,
      '-f',
      join(HERE, 'pom.xml'),
      `-Dneo4j.version=${version}`,
      `-Dmdep.outputFile=${file}`,
      'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath',
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.status !== 0) {
    rmSync(file, { force: true });
    const output = `${run.stdout ?? ''}${run.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(`Maven could not resolve org.neo4j:neo4j:${version} (exit ${run.status ?? run.signal}):\n${output}`);
  }
  const classpath = cachedClasspath(version);
  if (!classpath) throw new Error(`Maven wrote no usable classpath to ${file}`);
  return classpath;
}

function javaOptions(javaMajor: number, heap: string): string[] {
  const options = [`-Xms256m`, `-Xmx${heap}`, '-XX:+UseG1GC', '--enable-native-access=ALL-UNNAMED', '-Dneo4j.server.stdin=true'];
  // Quiet the JDK 23+ warnings about sun.misc.Unsafe, which Neo4j's dependencies still call.
  if (javaMajor >= 23) options.push('--sun-misc-unsafe-memory-access=allow');
  return options;
}

const READY = /^neo4j-server ready (bolt:\/\/\S+) (\S+)/;

/** Neo4j 5 and later refuse a shorter password for the `neo4j` user. */
const MIN_PASSWORD_LENGTH = 8;

/** Starts a server and resolves once it accepts Bolt connections with the password set. */
export async function startNeo4jServer(options: Neo4jServerOptions = {}): Promise<RunningNeo4j> {
  // Neo4j refuses a shorter initial password only after the JVM has started, with a Java stack
  // trace; say it first, in one line, before anything is fetched or started.
  if (options.password !== undefined && options.password.length < MIN_PASSWORD_LENGTH) {
    throw new Error(`--password: Neo4j needs at least ${MIN_PASSWORD_LENGTH} characters (got ${options.password.length})`);
  }
  const version = resolveNeo4jVersion(options.version);
  const java = findJava(version);
  if (!java) throw new Error(neo4jUnavailableReason(version) ?? `no Java for Neo4j ${version}`);
  const classpath = neo4jClasspath(version, options.onLog);
  const temporary = options.home === undefined;
  const home = options.home ?? mkdtempSync(join(tmpdir(), 'newsgraph-neo4j-'));
  const password = options.password ?? randomBytes(12).toString('hex');
  const args = [
    ...javaOptions(javaMajorOf(java), options.heap ?? '1g'),
    '-cp',
    classpath,
    join(HERE, 'Neo4jServer.java'),
    home,
    password,
    String(options.port ?? 0),
    options.pageCache ?? '256m',
    ...Object.entries(options.settings ?? {}).map(([key, value]) => {
      if (!/^[a-z][a-z0-9_.]*$/.test(key) || /[\r\n]/.test(value)) throw new Error(`Neo4j setting ${JSON.stringify(key)}: not a neo4j.conf setting name and one-line value`);
      return `${key}=${value}`;
    }),
  ];
  const child = spawn(java, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const exit = new Promise<void>((done) => child.once('exit', () => done()));
  let started: { uri: string; version: string };
  try {
    started = await waitForReady(child, options.startTimeoutMs ?? 240_000, options.onLog);
  } catch (error) {
    child.kill('SIGKILL');
    await exit;
    if (temporary) rmSync(home, { recursive: true, force: true });
    throw error;
  }
  const port = Number(new URL(started.uri.replace('bolt:', 'http:')).port);
  const server: RunningNeo4j = {
    uri: started.uri,
    user: 'neo4j',
    password,
    version: started.version,
    home,
    port,
    pid: child.pid!,
    signal: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
    exited: () => exit,
    restart: async (settings) => {
      const next = await startNeo4jServer({ ...options, version, home, port, password, settings: settings ?? options.settings });
      if (temporary) {
        // The home is still ours: the last server of the chain removes it.
        const stopNext = next.stop;
        next.stop = async () => {
          await stopNext();
          rmSync(home, { recursive: true, force: true });
        };
      }
      return next;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGCONT');
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        await exit;
        clearTimeout(timer);
      }
      if (temporary) rmSync(home, { recursive: true, force: true });
    },
  };
  return server;
}

function waitForReady(child: ChildProcess, timeoutMs: number, onLog?: (line: string) => void): Promise<{ uri: string; version: string }> {
  const stderrTail: string[] = [];
  const keep = (line: string) => {
    // JDK warnings and java.util.logging headers (Lucene's) are noise, not errors.
    if (!line.trim() || line.startsWith('WARNING:') || /^[A-Z][a-z]{2} \d{2}, \d{4} /.test(line)) return;
    stderrTail.push(line);
    if (stderrTail.length > 20) stderrTail.shift();
    onLog?.(line);
  };
  let stderrBuffer = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    stderrBuffer += chunk;
    const lines = stderrBuffer.split('\n');
    stderrBuffer = lines.pop() ?? '';
    lines.forEach(keep);
  });
  return new Promise((resolvePromise, reject) => {
    let stdoutBuffer = '';
    const timer = setTimeout(() => reject(new Error(`Neo4j did not start within ${timeoutMs} ms:\n${stderrTail.join('\n')}`)), timeoutMs);
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      stdoutBuffer += chunk;
      const match = READY.exec(stdoutBuffer);
      if (match) {
        clearTimeout(timer);
        resolvePromise({ uri: match[1]!, version: match[2]! });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Neo4j exited before it was ready (${signal ?? `code ${code}`}):\n${stderrTail.join('\n')}`));
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
