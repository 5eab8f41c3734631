/** Words that carry no matching signal in postings and resumes (English function words and posting boilerplate). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above across after again against all also am an and any are as at be because been before being below
  between both but by can could did do does doing down during each either else etc even ever every few for from
  further had has have having he her here hers him his how i if in into is it its itself just least less like may
  me might more most much must my no nor not now of off on once only or other our ours out over own per please
  same she should so some such than that the their theirs them then there these they this those through to too
  under until up upon us very via was we well were what when where whether which while who whom whose why will with
  within without would yet you your yours
  ability able across apply applicant applicants background based benefit benefits best bring candidate candidates
  company day days desire develop environment excellent experience experienced familiarity following good great
  help high including ideal include includes join key knowledge level looking make new offer opportunity part
  plus position preferred proficiency proficient provide related relevant required requirement requirements
  responsibilities responsible role skill skills strong successful support team teams understanding using want
  work working year years able across also around ensure etc senior junior lead mid-level intern`.split(/\s+/),
)
