import { useEffect, useState } from 'preact/hooks'
import { ApiError, api, setUnauthenticatedHandler } from './api.js'
import { ApplicationDetail } from './applications/application-detail.js'
import { ApplicationsScreen } from './applications/applications-screen.js'
import { AuthScreen } from './auth.js'
import { ImportScreen } from './import.js'
import { JobsScreen } from './jobs.js'
import { ResumeList } from './resume-list.js'
import { Link, navigate, usePath } from './router.js'
import { SettingsScreen } from './settings.js'
import type { User } from './types.js'
import { Busy, ErrorNote } from './ui.js'
import { Workspace } from './workspace.js'

type Session = { state: 'loading' } | { state: 'signed-out' } | { state: 'signed-in'; user: User }

/** The main navigation: each screen's path and name. */
const NAV = [
  ['/', 'Resumes'],
  ['/jobs', 'Jobs'],
  ['/applications', 'Applications'],
  ['/import', 'Import'],
  ['/trash', 'Trash'],
  ['/settings', 'Settings'],
] as const

export function App() {
  const path = usePath()
  const [session, setSession] = useState<Session>({ state: 'loading' })
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    setUnauthenticatedHandler(() => setSession({ state: 'signed-out' }))
    api
      .get('/api/me')
      .then((user) => setSession({ state: 'signed-in', user }))
      .catch((e: unknown) => {
        if (!(e instanceof ApiError && e.status === 401)) setError(e)
        setSession({ state: 'signed-out' })
      })
  }, [])

  // Move focus to the new screen's heading so keyboard and screen-reader users know where they are.
  useEffect(() => {
    // Unless focus already moved into the new screen (a field the screen asked for, a tab link that stays).
    if (document.querySelector('main')?.contains(document.activeElement)) return
    document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true })
  }, [path, session.state])

  if (session.state === 'loading') {
    return (
      <main id="main">
        <Busy label="Loading RoleReady…" />
      </main>
    )
  }

  if (session.state === 'signed-out') {
    const mode = path === '/signup' ? 'signup' : 'signin'
    return (
      <>
        <Header />
        <main id="main" class="narrow">
          <ErrorNote error={error} />
          <AuthScreen
            mode={mode}
            onSignedIn={(user) => {
              setSession({ state: 'signed-in', user })
              if (path === '/signin' || path === '/signup') navigate('/', { replace: true })
            }}
          />
        </main>
      </>
    )
  }

  const signOut = async () => {
    try {
      await api.post('/api/auth/logout')
    } catch {
      // Signed out locally either way; the session expires on its own.
    }
    setSession({ state: 'signed-out' })
    navigate('/signin')
  }

  // The account was deleted: its sessions are gone already, so only this tab needs to know.
  const signedOut = () => {
    setSession({ state: 'signed-out' })
    navigate('/signin')
  }

  return (
    <>
      <Header user={session.user} path={path} onSignOut={signOut} />
      <main id="main">{screenFor(path, signedOut)}</main>
    </>
  )
}

function screenFor(path: string, onAccountDeleted: () => void) {
  const workspace = /^\/resumes\/([0-9a-f-]{36})(?:\/(edit|history|job|design))?\/?$/.exec(path)
  if (workspace?.[1]) {
    return <Workspace key={workspace[1]} resumeId={workspace[1]} tab={(workspace[2] ?? 'edit') as 'edit'} />
  }
  if (path === '/trash') return <ResumeList trashed />
  if (path === '/import') return <ImportScreen />
  if (path === '/jobs') return <JobsScreen />
  if (path === '/applications') return <ApplicationsScreen />
  const application = /^\/applications\/([0-9a-f-]{36})\/?$/.exec(path)
  if (application?.[1]) return <ApplicationDetail key={application[1]} applicationId={application[1]} />
  if (path === '/settings') return <SettingsScreen onAccountDeleted={onAccountDeleted} />
  return <ResumeList />
}

interface HeaderProps {
  user?: User
  path?: string
  onSignOut?: () => void
}

function Header({ user, path, onSignOut }: HeaderProps) {
  // An application's own page is still under Applications.
  const current = (href: string) =>
    path === href || (href === '/applications' && path?.startsWith('/applications/')) ? 'page' : undefined
  return (
    <header class="topbar">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <Link href="/" class="brand">
        RoleReady
      </Link>
      {user && (
        <nav aria-label="Main" class="main-nav">
          <ul class="nav-list">
            {NAV.map(([href, label]) => (
              <li key={href}>
                <Link href={href} aria-current={current(href)}>
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {user && (
        <div class="account">
          <span class="who">{user.displayName || user.email}</span>
          <button type="button" class="secondary" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      )}
    </header>
  )
}
