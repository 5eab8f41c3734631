/**
 * nginx as deployed (deploy/nginx/nginx.conf.template, rendered by deploy/scripts/nginx-host.sh) never sends a
 * non-idempotent request (POST, PATCH) to a second instance once it was sent to one: the first instance may have
 * acted on it, and a second try would create twice. Two loopback upstreams stand in for instances: one reads each
 * request and closes the connection without answering (a process dying mid-request), the other answers 200; both
 * record what reached them. Needs nginx only (a second or two), so it runs wherever nginx is installed.
 */
import { spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { chmod, mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { createServer as createHttpServer } from 'node:http'
import { createServer as createTcpServer, type Server } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePortBlock, removeDir, runScript, TMP } from '../helpers/deploy-host.js'

const hasNginx = spawnSync('nginx', ['-v']).status === 0
if (!hasNginx) console.warn('nginx retry test skipped: nginx is not installed (apt-get install nginx)')

describe.skipIf(!hasNginx)('nginx in front of the instances (deploy/nginx/nginx.conf.template)', () => {
  let root: string
  let env: Record<string, string>
  let url: string
  const servers: Server[] = []
  /** Request ids (X-Request-Id) each upstream received, by method. */
  const dropped: { method: string; id: string }[] = []
  const answered: { method: string; id: string }[] = []

  const listen = (server: Server, port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => resolve())
    })

  beforeAll(async () => {
    root = await mkdtemp(path.join(TMP, 'roleready-nginx-retry-'))
    // nginx's workers run as nobody when the test runs as root (nginx-host.sh refuses a root they cannot reach).
    await chmod(root, 0o755)
    const base = await freePortBlock(2)
    const nginxPort = await freePortBlock(1)
    url = `http://127.0.0.1:${nginxPort}`
    // Upstream 1: reads the request head, records it, closes the connection without a byte of answer.
    const dropper = createTcpServer((socket) => {
      let head = ''
      socket.on('data', (chunk) => {
        head += chunk.toString('latin1')
        if (!head.includes('\r\n\r\n')) return
        const method = head.slice(0, head.indexOf(' '))
        const id = /^x-request-id: *(\S+)/im.exec(head)?.[1] ?? ''
        dropped.push({ method, id })
        socket.destroy()
      })
      socket.on('error', () => {})
    })
    // Upstream 2: a healthy instance.
    const healthy = createHttpServer((req, res) => {
      answered.push({ method: req.method ?? '', id: String(req.headers['x-request-id'] ?? '') })
      req.resume()
      req.on('end', () => res.end('{"ok":true}'))
    })
    await listen(dropper, base)
    await listen(healthy, base + 1)
    servers.push(dropper, healthy)

    env = { DEPLOY_ROOT: path.join(root, 'host'), HTTP_LISTEN: `127.0.0.1:${nginxPort}`, BLUE_BASE_PORT: String(base) }
    // Both "instances" in the upstream, as deploy/scripts/lib.sh write_upstream writes it; nginx-host.sh keeps it.
    await mkdir(path.join(env.DEPLOY_ROOT as string, 'nginx/conf'), { recursive: true })
    await writeFile(
      path.join(env.DEPLOY_ROOT as string, 'nginx/conf/upstream.conf'),
      [
        'upstream roleready {',
        `  server 127.0.0.1:${base} weight=1 max_fails=0; # blue`,
        `  server 127.0.0.1:${base + 1} weight=1 max_fails=0; # blue`,
        '  keepalive 32;',
        '}',
        '',
      ].join('\n'),
    )
    const started = await runScript('nginx-host.sh', ['start'], env)
    expect(started.code, started.output).toBe(0)
  }, 30_000)

  afterAll(async () => {
    if (env) await runScript('nginx-host.sh', ['stop'], env)
    for (const server of servers) await new Promise((resolve) => server.close(resolve))
    if (root) await removeDir(root)
  }, 30_000)

  const send = async (method: string) => {
    const id = randomUUID()
    const response = await fetch(`${url}/api/jobs`, {
      method,
      headers: { 'content-type': 'application/json', 'x-request-id': id },
      body: method === 'GET' ? undefined : JSON.stringify({ description: 'Backend engineer' }),
    })
    await response.arrayBuffer()
    return { id, status: response.status }
  }
  const reached = (id: string) => [...dropped, ...answered].filter((request) => request.id === id).length

  it('sends a POST or PATCH to one instance only: an instance that drops it yields a 502, never a second try', async () => {
    const results: { id: string; status: number }[] = []
    for (let i = 0; i < 6; i++) results.push(await send('POST'), await send('PATCH'))
    // Round robin puts about half of them on the dropping instance first.
    const droppedIds = new Set(dropped.map((request) => request.id))
    expect(results.filter((r) => droppedIds.has(r.id)).length).toBeGreaterThanOrEqual(4)
    for (const { id, status } of results) {
      expect(reached(id), `request ${id} reached ${reached(id)} instances`).toBe(1)
      expect(status).toBe(droppedIds.has(id) ? 502 : 200)
    }
  })

  it('does retry a GET on the other instance (so the test above would see a retry if nginx made one)', async () => {
    const results: { id: string; status: number }[] = []
    for (let i = 0; i < 6; i++) results.push(await send('GET'))
    expect(results.every((r) => r.status === 200)).toBe(true)
    const retried = results.filter((r) => reached(r.id) === 2)
    expect(retried.length).toBeGreaterThanOrEqual(2)
  })
})
