import { describe, expect, it } from 'vitest'
import { checksumDifferences, type TableChecksum } from './restore.js'

const sum = (table: string, rows: number, checksum: string): TableChecksum => ({ table, rows, checksum })

describe('checksumDifferences', () => {
  const source = [sum('jobs', 2, 'a'), sum('resumes', 3, 'b'), sum('users', 1, 'c')]

  it('finds nothing when every table has the same rows and checksum', () => {
    expect(checksumDifferences(source, [...source].reverse())).toEqual([])
  })

  it('names a table with other rows, other content, missing or only in the copy', () => {
    const restored = [sum('jobs', 1, 'a'), sum('resumes', 3, 'x'), sum('stray', 0, '')]
    expect(checksumDifferences(source, restored)).toEqual([
      'jobs: 2 rows, restored 1',
      'resumes: content differs (3 rows)',
      'users: missing from the restored copy',
      'stray: only in the copy',
    ])
  })
})
