import type { JobAnalysis, SkillAsk } from '../types.js'

function SkillList({ title, skills }: { title: string; skills: SkillAsk[] }) {
  return (
    <div>
      <h3>{title}</h3>
      {skills.length === 0 ? (
        <p class="empty">None named.</p>
      ) : (
        <ul class="chips">
          {skills.map((s) => (
            <li key={s.id} title={s.sentence}>
              {s.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

export function AnalysisView({ analysis }: { analysis: JobAnalysis }) {
  const years = analysis.yearsOfExperience
  return (
    <div class="analysis">
      <dl class="facts">
        <div>
          <dt>Seniority</dt>
          <dd>
            {analysis.seniority
              ? `${analysis.seniority.level}${analysis.seniority.inferred ? ' (inferred)' : ''}`
              : 'Not stated'}
          </dd>
        </div>
        <div>
          <dt>Experience</dt>
          <dd>
            {years
              ? `${years.min}${years.max ? `–${years.max}` : '+'} years (${years.importance})`
              : 'No number of years stated'}
          </dd>
        </div>
        {analysis.education && (
          <div>
            <dt>Education</dt>
            <dd>
              {analysis.education.level}
              {analysis.education.field ? ` in ${analysis.education.field}` : ''} ({analysis.education.importance})
            </dd>
          </div>
        )}
        {analysis.location && (
          <div>
            <dt>Location</dt>
            <dd>
              {analysis.location}
              {analysis.remote ? ` (remote: ${analysis.remote})` : ''}
            </dd>
          </div>
        )}
      </dl>
      <div class="two-col">
        <SkillList title="Required skills" skills={analysis.requiredSkills} />
        <SkillList title="Preferred skills" skills={analysis.preferredSkills} />
      </div>
    </div>
  )
}
