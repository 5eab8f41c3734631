#!/usr/bin/env node
// Per-version request counts, 5xx counts and p95 latency from nginx's JSON access log (deploy/nginx), for the lines
// written after a byte offset. Usage: log-stats.mjs ACCESS_LOG OFFSET NAME=PORT,PORT … → "NAME requests 5xx p95ms".
// A request nginx retried on another instance counts for the instance that answered it last.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'

const [file, offsetArg, ...groups] = process.argv.slice(2)
const groupOf = new Map()
for (const spec of groups) {
  const [name, ports = ''] = spec.split('=')
  for (const port of ports.split(',').filter(Boolean)) groupOf.set(port, name)
}

let text = ''
try {
  const fd = openSync(file, 'r')
  const offset = Number(offsetArg) || 0
  const length = Math.max(0, fstatSync(fd).size - offset)
  const buffer = Buffer.alloc(length)
  readSync(fd, buffer, 0, length, offset)
  closeSync(fd)
  text = buffer.toString('utf8')
} catch {}

const stats = new Map()
for (const line of text.split('\n')) {
  if (!line.startsWith('{')) continue
  let entry
  try {
    entry = JSON.parse(line)
  } catch {
    continue // a line still being written
  }
  const last =
    String(entry.upstream_addr ?? '')
      .split(/[,:]\s*/)
      .filter(Boolean)
      .at(-1) ?? ''
  const group = groupOf.get(last) ?? 'none'
  const s = stats.get(group) ?? { requests: 0, errors: 0, times: [] }
  s.requests += 1
  if (entry.status >= 500) s.errors += 1
  s.times.push(Number(entry.request_time) * 1000)
  stats.set(group, s)
}

for (const [group, s] of stats) {
  s.times.sort((a, b) => a - b)
  const p95 = s.times.length ? s.times[Math.min(s.times.length - 1, Math.ceil(s.times.length * 0.95) - 1)] : 0
  process.stdout.write(`${group} ${s.requests} ${s.errors} ${Math.round(p95)}\n`)
}
