import { describe, expect, it } from 'vitest'
import { skillPlace } from './skill-groups.js'

const resume = {
  skills: [
    { name: 'Languages', keywords: ['TypeScript', 'Go', 'SQL'] },
    { name: 'Infrastructure', keywords: ['Docker', 'Kubernetes', 'Terraform'] },
  ],
}

describe('where a skill goes in the skills section', () => {
  it('joins the group holding skills of its kind', () => {
    expect(skillPlace(resume, 'Python')).toEqual({ kind: 'group', index: 0 })
    expect(skillPlace(resume, 'Helm')).toEqual({ kind: 'group', index: 1 })
  })

  it('takes a catch-all group when none holds its kind, else a new group named for its kind', () => {
    expect(skillPlace({ skills: [...resume.skills, { name: 'Tools', keywords: ['Jira'] }] }, 'Figma')).toEqual({
      kind: 'group',
      index: 2,
    })
    expect(skillPlace(resume, 'Communication')).toEqual({ kind: 'new', name: 'Soft skills' })
    expect(skillPlace({}, 'Python')).toEqual({ kind: 'new', name: 'Skills' })
  })
})
