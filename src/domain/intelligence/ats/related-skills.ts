/**
 * Families of interchangeable hard skills: knowing one is partial evidence for another (MySQL for PostgreSQL,
 * Docker for Kubernetes). Kept deliberately narrow: a shared broad category is not enough.
 */
const FAMILIES: readonly (readonly string[])[] = [
  ['kubernetes', 'docker', 'helm', 'red-hat-openshift'],
  ['postgresql', 'mysql', 'sql-server', 'oracle-database', 'sqlite', 'sql'],
  ['mongodb', 'cassandra', 'dynamodb', 'redis', 'nosql', 'elasticsearch'],
  ['amazon-web-services', 'microsoft-azure', 'google-cloud-platform'],
  ['terraform', 'ansible', 'amazon-web-services-aws-cloudformation'],
  ['ci-cd', 'jenkins', 'github-actions', 'gitlab-ci', 'circleci'],
  ['react', 'angular', 'vue-js', 'svelte', 'next-js'],
  ['javascript', 'typescript'],
  ['node-js', 'express-js', 'nestjs', 'fastify'],
  ['django', 'flask', 'fastapi'],
  ['apache-spark', 'hadoop', 'apache-airflow', 'dbt'],
  ['snowflake', 'bigquery', 'amazon-redshift', 'data-warehousing'],
  ['tableau', 'power-bi', 'looker', 'data-visualization'],
  ['tensorflow', 'pytorch', 'keras', 'scikit-learn'],
  ['prometheus', 'grafana', 'datadog', 'splunk', 'observability'],
  ['salesforce', 'hubspot', 'crm'],
  ['jest', 'vitest', 'cypress', 'playwright', 'selenium', 'unit-testing'],
  ['figma', 'sketch', 'adobe-xd'],
  ['quickbooks', 'netsuite', 'sap', 'erp'],
  ['basic-life-support', 'advanced-cardiovascular-life-support', 'pediatric-advanced-life-support', 'cpr'],
  ['java', 'kotlin', 'scala'],
  ['c', 'cplusplus'],
  ['csharp', 'dotnet'],
]

const familyIndex = new Map<string, number>()
FAMILIES.forEach((family, i) => {
  for (const id of family) familyIndex.set(id, i)
})

/** The family a skill belongs to (an opaque key), or undefined for a skill in none. */
export function familyOf(id: string): number | undefined {
  return familyIndex.get(id)
}
