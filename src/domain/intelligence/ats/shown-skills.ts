/**
 * Skills a resume rarely names but shows in what the person did: "presented the roadmap to the board" shows
 * communication, "led a team of six" leadership, "reviewed pull requests" code review. Each pattern is a phrase a
 * recruiter would accept as evidence; two different ones meet the requirement, one meets it in part.
 */
import type { ResumeField } from './resume-fields.js'

// A pattern, or a cue and what must follow it within a few words (searched apart, so no window is rescanned).
type Shown = RegExp | readonly [cue: RegExp, then: RegExp]

const SHOWN: Readonly<Record<string, readonly Shown[]>> = {
  communication: [
    [/\b(present(ed|ing|s)?|pitch(ed|ing)?|spoke|speak(ing)?)\b/gi, /^[^.;]{0,40}?\b(to|for|at|before)\b/i],
    [
      /\b(wrote|written|writing|authored|drafted|published|documented|edited)\b/gi,
      /^[^.;]{0,40}?\b(documentation|docs|reports?|proposals?|articles?|guides?|runbooks?|specs?|specifications|RFCs?|newsletters?|posts?|content|copy|grants?|procedures|manuals?|SOPs?|briefs?|memos?|summaries|playbooks?|FAQs?|knowledge base)\b/i,
    ],
    /\b(explain(ed|ing|s)?|communicat(ed|ing|es)|liais(ed|ing|on)|correspond(ed|ing|ence)|negotiat(ed|ing))\b/i,
    /\b(customer|client|patient|guest|stakeholder|parent|family|public)[- ](facing|communication|updates|education|calls|meetings|outreach)\b/i,
    [
      /\b(train(ed|ing)|taught|teach(ing)?|led|ran|facilitat(ed|ing))\b/gi,
      /^[^.;]{0,30}?\b(workshops?|sessions?|classes|courses|trainings?|new hires|staff|users|customers|students|meetings?)\b/i,
    ],
  ],
  teamwork: [
    /\b(collaborat(ed|ing|ion|es)|partner(ed|ing)|cross[- ]functional|worked (closely )?with|alongside|teamed)\b/i,
    /\b(team of|with a team|as part of|(a|the|our) team|interdisciplinary|multidisciplinary)\b/i,
  ],
  leadership: [
    [
      /\b(led|lead(ing)?|headed|directed|managed|supervis(ed|ing)|oversaw|ran)\b/gi,
      /^[^.;]{0,30}?\b(team|staff|crew|group|people|engineers|nurses|agents|reps|employees|associates|shift|department|project|initiative|program|migration|rollout|launch)\b/i,
    ],
    /\b(mentor(ed|ing)|coach(ed|ing)|train(ed|ing) (new|junior|\d+))\b/i,
    /\b(charge nurse|team lead|shift lead|supervisor|manager|head of|captain|chair(ed)?)\b/i,
  ],
  'problem-solving': [
    /\b(resolv(ed|ing)|troubleshoot(ed|ing)?|troubleshot|diagnos(ed|ing)|debugg(ed|ing)|fix(ed|ing)|root[- ]cause|solv(ed|ing))\b/i,
    [
      /\b(reduc(ed|ing)|improv(ed|ing)|eliminat(ed|ing)|prevent(ed|ing))\b/gi,
      /^[^.;]{0,40}?\b(errors?|defects?|downtime|incidents?|delays?|backlog|costs?|time|waste|complaints?|churn)\b/i,
    ],
  ],
  'attention-to-detail': [
    /\b(accura(te|cy)|error[- ]free|zero (errors|defects|discrepancies)|audit(ed|s|ing)?|reconcil(ed|ing|iation)|verif(ied|ying|ication)|inspect(ed|ing|ion)|proofread|compliance)\b/i,
    /\b(\d+(\.\d+)?\s?% (accuracy|on[- ]time|compliance))\b/i,
  ],
  organization: [
    /\b(organi[sz](ed|ing)|coordinat(ed|ing)|schedul(ed|ing)|plann(ed|ing)|prioriti[sz](ed|ing)|managed (calendars?|schedules?|logistics))\b/i,
    /\b(filing|records|inventory|calendars?|logistics|events?)\b/i,
  ],
  'time-management': [
    /\b(deadlines?|on time|ahead of schedule|on schedule|tight timelines?|turnaround|multiple (projects|priorities|tasks|deadlines))\b/i,
    /\b(\d+\+? (calls|tickets|patients|orders|cases|shipments|students|accounts|clients) (a|per) (day|shift|week))\b/i,
  ],
  'critical-thinking': [
    /\b(analy[sz](ed|ing|is)|assess(ed|ing|ment)|evaluat(ed|ing)|investigat(ed|ing)|triag(ed|ing|e))\b/i,
    /\b(identif(ied|ying)|recommend(ed|ing))\b/i,
  ],
  empathy: [
    [
      /\b(patients?|families|guests?|customers?|clients?|students?|residents?|callers?)\b/gi,
      /^[^.;]{0,40}?\b(support(ed|ing)?|comfort(ed|ing)?|care|calm(ed|ing)?|reassur(ed|ing)|listen(ed|ing))\b/i,
    ],
    /\b(de-?escalat(ed|ing|ion)|compassion(ate)?|bedside manner|active listening|upset|distressed)\b/i,
  ],
  patience: [
    [
      /\b(de-?escalat(ed|ing|ion)|upset|difficult|frustrated|angry|elderly|first-time|non-technical)\b/gi,
      /^[^.;]{0,30}?\b(customers?|callers?|guests?|patients?|users?|clients?|students?)\b/i,
    ],
    /\b(tutor(ed|ing)|taught|explained|walked (customers?|users?|clients?) through)\b/i,
  ],
  'stakeholder-management': [
    [
      /\b(stakeholders?|executives?|leadership team|C-level|directors?|vendors?|partners?|clients?)\b/gi,
      /^[^.;]{0,40}?\b(align(ed|ing)?|present(ed|ing)?|report(ed|ing)?|manag(ed|ing)|updates?|expectations)\b/i,
    ],
    [
      /\b(align(ed|ing)|present(ed|ing)|report(ed|ing))\b/gi,
      /^[^.;]{0,40}?\b(stakeholders?|executives?|leadership|directors?|board|clients?)\b/i,
    ],
  ],
  'interpersonal-skills': [
    /\b(built (strong )?relationships?|rapport|relationships? with|liaison|front desk|customer[- ]facing|client[- ]facing|guest[- ]facing)\b/i,
    /\b(collaborat(ed|ing)|partner(ed|ing)|coordinat(ed|ing) with)\b/i,
  ],
  mentoring: [
    /\b(mentor(ed|ing|s)?|coach(ed|ing)|onboard(ed|ing)|train(ed|ing) (new|junior|\d+)|precept(ed|or|ing))\b/i,
  ],
  'code-review': [
    /\b(code reviews?|review(ed|ing)? (pull requests|PRs|code|merge requests))\b/i,
    /\bpull requests?\b/i,
  ],
  'presentation-skills': [/\b(present(ed|ing|ations?)|pitch(ed|es|ing)?|demo(ed|s)?|keynotes?|talks? at|spoke at)\b/i],
  adaptability: [
    /\b(adapt(ed|ing)|pivot(ed|ing)|transition(ed|ing)|new (system|process|tools?|role)|fast[- ]paced|changing)\b/i,
  ],
  'customer-service': [
    [
      /\b(customers?|guests?|clients?|callers?|patrons?|shoppers?)\b/gi,
      /^[^.;]{0,40}?\b(served|assisted|helped|support(ed)?|resolv(ed|ing)|answer(ed|ing)|greet(ed|ing))\b/i,
    ],
    [
      /\b(served|assisted|helped|greeted|supported)\b/gi,
      /^[^.;]{0,30}?\b(customers?|guests?|clients?|callers?|patrons?|shoppers?)\b/i,
    ],
    /\b(CSAT|customer satisfaction|NPS|first[- ]contact resolution|complaints?)\b/i,
  ],
}

// Where a resume shows what someone did: experience, projects, volunteering, awards and the summary.
const SHOWN_IN = new Set(['work', 'projects', 'volunteer', 'awards', 'basics'])

/** Where the experience sections of a resume show the skill: at most one quote per pattern, in document order. */
export function shownEvidence(skillId: string, fields: readonly ResumeField[]): { pointer: string; quote: string }[] {
  const patterns = SHOWN[skillId]
  if (!patterns) return []
  const shown: { pointer: string; quote: string }[] = []
  for (const pattern of patterns) {
    for (const field of fields) {
      if (!SHOWN_IN.has(field.section) || field.pointer.endsWith('/name')) continue
      const quote = quoteOf(pattern, field.text)
      if (quote === undefined) continue
      shown.push({ pointer: field.pointer, quote })
      break
    }
  }
  return shown
}

/** The words a pattern finds in the text, or undefined. */
function quoteOf(pattern: Shown, text: string): string | undefined {
  if (pattern instanceof RegExp) return pattern.exec(text)?.[0]
  const [cue, then] = pattern
  for (const match of text.matchAll(cue)) {
    const end = match.index + match[0].length
    const rest = then.exec(text.slice(end, end + 200))
    if (rest) return text.slice(match.index, end + rest[0].length)
  }
  return undefined
}
