// The skills of a posting grouped by category, and its weighted keywords.
import type { Importance, JobAnalysis, Keyword, SkillAsk } from './analysis.types.js'
import type { AskingSentence } from './posting-facts.js'
import { findSkills } from './taxonomy.js'
import { tokenize } from './text.js'
import { STOP_WORDS } from './words.js'

function round2(n: number): number {
  return Math.round(n * 100) / 100
}

export function groupByCategory(asks: readonly SkillAsk[]): JobAnalysis['skills'] {
  const groups = new Map<string, { name: string; level: string; keywords: string[] }>()
  for (const ask of asks) {
    const group = groups.get(ask.category) ?? { name: ask.category, level: '', keywords: [] }
    group.keywords.push(ask.name)
    if (ask.importance === 'required') group.level = 'required'
    else if (!group.level) group.level = 'preferred'
    groups.set(ask.category, group)
  }
  return [...groups.values()]
}

/** Skills first (weighted by kind, importance and repetition), then plain terms the posting repeats. */
export function keywordsOf(
  asks: readonly SkillAsk[],
  sentences: readonly AskingSentence[],
  title: string | undefined,
): Keyword[] {
  const raw: Keyword[] = asks.map((ask) => ({
    term: ask.name,
    skillId: ask.id,
    kind: ask.kind,
    importance: ask.importance,
    weight:
      (ask.kind === 'hard' ? 1 : 0.5) *
      (ask.importance === 'required' ? 1 : 0.5) *
      (1 + 0.25 * Math.min(ask.mentions - 1, 2)),
    sentence: ask.sentence,
  }))

  // Plain keywords: content words repeated at least twice outside skills, in the parts that describe the work.
  const skillWords = new Set(asks.flatMap((a) => tokenize(a.name).map((t) => t.fold)))
  const titleWords = new Set(tokenize(title ?? '').map((t) => t.fold))
  const counts = new Map<string, { term: string; count: number; sentence: string; importance: Importance }>()
  for (const line of sentences) {
    const { importance } = line
    // Mentions come left to right without overlapping, as tokens do: one walk finds the mention around a token.
    const spans = findSkills(line.text)
    let span = 0
    for (const token of tokenize(line.text)) {
      while ((spans[span + 1]?.start ?? Infinity) <= token.start) span += 1
      const around = spans[span]
      if (around && token.start >= around.start && token.end <= around.end) continue
      const word = token.surface.toLowerCase()
      if (word.length < 4 || !/^[a-z][a-z-]*$/.test(word) || STOP_WORDS.has(word) || STOP_WORDS.has(token.fold))
        continue
      if (skillWords.has(token.fold)) continue
      const found = counts.get(token.fold)
      if (found) found.count += 1
      else counts.set(token.fold, { term: word, count: 1, sentence: line.text, importance })
    }
  }
  const plain = [...counts.values()]
    .filter((c) => c.count >= 2 || titleWords.has(tokenize(c.term)[0]?.fold ?? ''))
    .sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
    .slice(0, 15)
    .map<Keyword>((c) => ({
      term: c.term,
      skillId: undefined,
      kind: 'keyword',
      importance: c.importance,
      weight: 0.25 * (1 + 0.25 * Math.min(c.count - 1, 2)),
      sentence: c.sentence,
    }))

  const all = [...raw, ...plain]
  const top = Math.max(0, ...all.map((k) => k.weight))
  return all
    .map((k) => ({ ...k, weight: top > 0 ? round2(k.weight / top) : 0 }))
    .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
}
