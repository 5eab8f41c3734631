import { useState } from 'preact/hooks'
import { api } from './api.js'
import { Link } from './router.js'
import type { User } from './types.js'
import { ErrorNote, TextField, useAction, usePageTitle } from './ui.js'

interface Props {
  mode: 'signin' | 'signup'
  onSignedIn: (user: User) => void
}

export function AuthScreen({ mode, onSignedIn }: Props) {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [displayName, setDisplayName] = useState('')
  const { busy, error, run } = useAction()
  const signup = mode === 'signup'
  usePageTitle(signup ? 'Create your account' : 'Sign in')

  const submit = (event: Event) => {
    event.preventDefault()
    void run(async () => {
      const result = signup
        ? await api.post('/api/auth/register', {
            body: { email, password, ...(displayName.trim() && { displayName }) },
          })
        : await api.post('/api/auth/login', { body: { email, password } })
      onSignedIn(result.user)
    })
  }

  return (
    <section class="card auth">
      <h1 tabIndex={-1}>{signup ? 'Create your account' : 'Sign in'}</h1>
      <form onSubmit={submit}>
        {signup && (
          <TextField
            label="Name (optional)"
            name="displayName"
            autocomplete="name"
            value={displayName}
            onValue={setDisplayName}
          />
        )}
        <TextField
          label="Email"
          name="email"
          type="email"
          autocomplete="email"
          required
          value={email}
          onValue={setEmail}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autocomplete={signup ? 'new-password' : 'current-password'}
          required
          minLength={signup ? 8 : 1}
          aria-describedby={signup ? 'password-hint' : undefined}
          value={password}
          onValue={setPassword}
        />
        {signup && (
          <p id="password-hint" class="hint">
            At least 8 characters; a phrase of a few words is easiest to remember.
          </p>
        )}
        <ErrorNote error={error} />
        <button type="submit" disabled={busy}>
          {signup ? 'Create account' : 'Sign in'}
        </button>
      </form>
      <p>
        {signup ? (
          <>
            Already have an account? <Link href="/signin">Sign in</Link>
          </>
        ) : (
          <>
            New to RoleReady? <Link href="/signup">Create an account</Link>
          </>
        )}
      </p>
    </section>
  )
}
