// Generated from openapi.json by `npm run docs` (openapi-typescript); do not edit. A test fails when it is stale.

export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Service summary: dependencies (probed at most once a second), memory, uptime, version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: "ok" | "error";
                            /** Format: date-time */
                            timestamp: string;
                            /** @description Seconds since the process started */
                            uptime: number;
                            version: string;
                            checks: {
                                database: "connected" | "disconnected";
                                redis: "connected" | "disconnected" | "not configured";
                                memory: {
                                    /** @description Heap in use, MiB */
                                    used: number;
                                    /** @description Heap limit, MiB */
                                    total: number;
                                    percentage: number;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: "ok" | "error";
                            /** Format: date-time */
                            timestamp: string;
                            /** @description Seconds since the process started */
                            uptime: number;
                            version: string;
                            checks: {
                                database: "connected" | "disconnected";
                                redis: "connected" | "disconnected" | "not configured";
                                memory: {
                                    /** @description Heap in use, MiB */
                                    used: number;
                                    /** @description Heap limit, MiB */
                                    total: number;
                                    percentage: number;
                                };
                            };
                        } | components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/detailed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Detailed health (application/health+json): pass/warn 200, fail 503 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: "pass" | "warn" | "fail";
                            version: string;
                            releaseId: string;
                            serviceId: string;
                            description: string;
                            checks: {
                                [key: string]: {
                                    componentId?: string;
                                    componentType: string;
                                    observedValue: number;
                                    observedUnit: string;
                                    status: "pass" | "warn" | "fail";
                                    /** Format: date-time */
                                    time: string;
                                    output?: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: "pass" | "warn" | "fail";
                            version: string;
                            releaseId: string;
                            serviceId: string;
                            description: string;
                            checks: {
                                [key: string]: {
                                    componentId?: string;
                                    componentType: string;
                                    observedValue: number;
                                    observedUnit: string;
                                    status: "pass" | "warn" | "fail";
                                    /** Format: date-time */
                                    time: string;
                                    output?: string;
                                }[];
                            };
                        } | components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: 503 while shutting down or when a required dependency is down */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ready";
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: 200 while the process runs (never checks dependencies) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (text exposition format) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Prometheus text format 0.0.4 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account and sign in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        password: string;
                        displayName?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: components["schemas"]["User"];
                            token: string;
                            /** Format: date-time */
                            expiresAt: string;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: components["schemas"]["User"];
                            token: string;
                            /** Format: date-time */
                            expiresAt: string;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke the current session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke every session of the signed-in user, on every device */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the password (needs the current one); ends every other session and returns a new token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: components["schemas"]["User"];
                            token: string;
                            /** Format: date-time */
                            expiresAt: string;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            email: string;
                            displayName: string;
                            tier: "free" | "pro" | "premium";
                            role: "user" | "admin";
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete the account and everything stored for it
         * @description Needs `currentPassword` (counted like a sign-in attempt: RATE_LIMITED past the allowance). Removes the user’s resumes with their versions and drafts, saved jobs, settings, API keys, custom limits, sessions on every device, cached copies, background tasks and rate-limit counters; the token used here answers 401 from then on. Cannot be undone: download GET /api/me/export first.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The account’s current password. */
                        currentPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change email or display name
         * @description Changing the email needs `currentPassword`, is counted like a sign-in attempt (RATE_LIMITED past the allowance) and ends every other session of the user; the session making the change stays.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email?: string;
                        displayName?: string;
                        /** @description Required with `email`: the account’s current password. */
                        currentPassword?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            email: string;
                            displayName: string;
                            tier: "free" | "pro" | "premium";
                            role: "user" | "admin";
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/me/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user’s settings (defaults when never saved) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            locale: string;
                            timezone: string;
                            defaultTemplateId: string;
                            pageSize: "letter" | "a4";
                            theme: "light" | "dark" | "system";
                            emailNotifications: boolean;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Replace the signed-in user’s settings */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        locale: string;
                        timezone: string;
                        defaultTemplateId: string;
                        pageSize: "letter" | "a4";
                        theme: "light" | "dark" | "system";
                        emailNotifications: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            locale: string;
                            timezone: string;
                            defaultTemplateId: string;
                            pageSize: "letter" | "a4";
                            theme: "light" | "dark" | "system";
                            emailNotifications: boolean;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download everything stored for the signed-in user as one ZIP archive
         * @description account.json, settings.json, api-keys.json (no secrets), jobs.json and, for every resume (the trash included), resume.json, versions/<n>.json, draft.json and json-resume.json (the current content); README.txt in the archive describes each file. Counts against the `export` policy.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/zip": string;
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/zip": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/zip": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How much of each storage quota the signed-in user uses */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Usage against each quota */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description UTF-8 bytes of every version, draft and saved job together, resumes in the trash included until purged */
                            storageBytes: {
                                used: number;
                                limit: number;
                            };
                            /** @description Resumes kept, live and in the trash */
                            resumes: {
                                used: number;
                                limit: number;
                            };
                            /** @description `used` is the most versions any one of the user’s resumes holds */
                            versionsPerResume: {
                                used: number;
                                limit: number;
                            };
                            /** @description Saved job postings */
                            jobs: {
                                used: number;
                                limit: number;
                            };
                            /** @description Applications tracked */
                            applications: {
                                used: number;
                                limit: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your personal API keys, newest first (never their secrets) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ApiKey"][];
                            nextCursor: null;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a personal API key; its secret is in this answer and never again
         * @description Programs send the secret as `Authorization: Bearer rr_live_…`, to the API or to the MCP server at /mcp. Each key is limited to its scopes and has a rate-limit allowance of its own on its user’s tier. Keys are revoked on DELETE, when the password changes and when the account is deleted.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        scopes: ("resumes:read" | "resumes:write" | "jobs" | "documents")[];
                        /**
                         * Format: date-time
                         * @description When the key stops working; default: never
                         */
                        expiresAt?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            scopes: ("resumes:read" | "resumes:write" | "jobs" | "documents")[];
                            /** @description The first characters of the secret, to tell keys apart */
                            hint: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            expiresAt?: string;
                            /**
                             * Format: date-time
                             * @description Updated at most once a minute
                             */
                            lastUsedAt?: string;
                            /** @description The key itself (rr_live_…), shown this once: send it as Authorization: Bearer <secret> */
                            secret: string;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a personal API key at once */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Revoked */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rate-limits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's rate-limit policies: limit, used, remaining and reset of each, without counting
         * @description Signed in: the user’s policies (tier and custom limits applied); anonymous: the client address’s.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caller: "user" | "anonymous";
                            tier: "free" | "pro" | "premium";
                            policies: {
                                name: "global" | "user" | "analysis" | "ai" | "upload" | "export";
                                /** @description Requests allowed per window */
                                limit: number;
                                windowSeconds: number;
                                /** @description Requests counted in the current window, refused ones included */
                                used: number;
                                remaining: number;
                                /** @description Seconds until the current window ends (0: no window open) */
                                reset: number;
                                source: "default" | "tier" | "override";
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}/rate-limits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user's tier, custom rate limits and the limits that apply (admins only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            userId: string;
                            tier: "free" | "pro" | "premium";
                            /** @description Custom requests-per-window limits; a policy left out follows the tier. `{}` clears them all. */
                            overrides: {
                                user?: number;
                                analysis?: number;
                                ai?: number;
                                upload?: number;
                                export?: number;
                            };
                            /** @description The limits that apply now */
                            limits: {
                                user: number;
                                analysis: number;
                                ai: number;
                                upload: number;
                                export: number;
                            };
                            windowSeconds: number;
                            updatedAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Replace a user's custom rate limits (admins only); every instance applies them at the next request */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            /** @description Custom requests-per-window limits; a policy left out follows the tier. `{}` clears them all. */
            requestBody: {
                content: {
                    "application/json": {
                        user?: number;
                        analysis?: number;
                        ai?: number;
                        upload?: number;
                        export?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            userId: string;
                            tier: "free" | "pro" | "premium";
                            /** @description Custom requests-per-window limits; a policy left out follows the tier. `{}` clears them all. */
                            overrides: {
                                user?: number;
                                analysis?: number;
                                ai?: number;
                                upload?: number;
                                export?: number;
                            };
                            /** @description The limits that apply now */
                            limits: {
                                user: number;
                                analysis: number;
                                ai: number;
                                upload: number;
                                export: number;
                            };
                            windowSeconds: number;
                            updatedAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/cache/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cache hits, misses, graced hits, errors and rates per namespace on this instance (admins only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enabled: boolean;
                            tiers: ("memory" | "redis")[];
                            total: {
                                hits: number;
                                misses: number;
                                /** @description Expired values served because the source failed. */
                                graced: number;
                                /** @description Cache failures (the source answered instead). */
                                errors: number;
                                hitRate: number;
                                missRate: number;
                            };
                            namespaces: {
                                [key: string]: {
                                    hits: number;
                                    misses: number;
                                    /** @description Expired values served because the source failed. */
                                    graced: number;
                                    /** @description Cache failures (the source answered instead). */
                                    errors: number;
                                    hitRate: number;
                                    missRate: number;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/cache/invalidate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Drop cached entries on every instance: a namespace, a user or a resume (admins only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description What to drop: a namespace, one user or one resume (combinable); an empty body drops everything. */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A cache namespace. */
                        namespace?: "JOB_ANALYSIS" | "ATS_SCORE" | "AI_DRAFT" | "AI_SUGGESTIONS" | "RESUME_DATA" | "RESUME_LIST" | "WORKING_DRAFT" | "TAILORED_VERSIONS" | "TEMPLATE_LIST" | "TEMPLATE_DETAIL" | "USER_PROFILE" | "USER_SETTINGS";
                        /** Format: uuid */
                        userId?: string;
                        /** Format: uuid */
                        resumeId?: string;
                    };
                };
            };
            responses: {
                /** @description Dropped. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resumes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your resumes, newest first (or the trash), a page at a time, optionally by tag */
        get: {
            parameters: {
                query: {
                    limit: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    tag?: string;
                    /** @description Search: resumes whose title or working content (names, summary, work, skills…) has a word beginning with each word given */
                    q?: string;
                    /** @description List the trash instead of the live resumes */
                    trashed: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                                templateId: string;
                                design: components["schemas"]["ResumeDesign"];
                                tags: string[];
                                headVersion: number;
                                hasDraft: boolean;
                                tailoredFrom: {
                                    resumeId: string | null;
                                    version: number;
                                    jobId: string;
                                } | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                deletedAt: string | null;
                                purgeAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a resume (version 1), optionally as tailored from a version of another resume for a job */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                        /** @description Template used to render the resume */
                        templateId?: string;
                        /** @description How the resume is drawn; options left out are the template’s */
                        design?: {
                            /** @description The template (the same as templateId; give either) */
                            template?: string;
                            /** @description Page size of PDF and DOCX (and HTML when printed) */
                            pageSize?: "letter" | "a4";
                            /** @description Colour of the name and headings, #rrggbb */
                            accentColor?: string;
                            /** @description A bundled open font (embedded in PDFs) */
                            fontFamily?: "dejavu-sans" | "dejavu-serif" | "dejavu-sans-condensed" | "liberation-sans";
                            /** @description Body text size in points */
                            fontSize?: number;
                            /** @description Line height as a multiple (1 = single) */
                            lineSpacing?: number;
                            /** @description Page margin on every side in points (72 = 1 inch) */
                            margins?: number;
                            /** @description Sections drawn first, in this order; the others follow in the standard order */
                            sectionOrder?: ("summary" | "work" | "education" | "skills" | "projects" | "volunteer" | "awards" | "certificates" | "publications" | "languages" | "interests" | "references")[];
                            /** @description Sections left out of every format */
                            hiddenSections?: ("summary" | "work" | "education" | "skills" | "projects" | "volunteer" | "awards" | "certificates" | "publications" | "languages" | "interests" | "references")[];
                            /** @description Headings drawn instead of the standard ones, by section */
                            sectionTitles?: {
                                summary?: string;
                                work?: string;
                                education?: string;
                                skills?: string;
                                projects?: string;
                                volunteer?: string;
                                awards?: string;
                                certificates?: string;
                                publications?: string;
                                languages?: string;
                                interests?: string;
                                references?: string;
                            };
                            /** @description Whether templates with a photo slot draw the photo */
                            showPhoto?: boolean;
                        };
                        tags?: string[];
                        /** @description A JSON Resume 1.2.1 document (https://jsonresume.org/schema). Fields the schema does not name are kept as given. */
                        content?: {
                            [key: string]: unknown;
                        };
                        tailoredFrom?: {
                            /**
                             * Format: uuid
                             * @description The base resume
                             */
                            resumeId: string;
                            version: number;
                            /** @description The job it was tailored to: one of your saved jobs (404 JOB_NOT_FOUND otherwise) */
                            jobId: string;
                        };
                        /**
                         * @description Start from the fictional sample resume: its content, a title saying it is a sample and the tag "sample" (not with content or tailoredFrom)
                         * @enum {boolean}
                         */
                        sample?: true;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            title: string;
                            templateId: string;
                            design: components["schemas"]["ResumeDesign"];
                            tags: string[];
                            headVersion: number;
                            hasDraft: boolean;
                            tailoredFrom: {
                                resumeId: string | null;
                                version: number;
                                jobId: string;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            deletedAt: string | null;
                            purgeAt: string | null;
                            /** @description A JSON Resume 1.2.1 document (https://jsonresume.org/schema). Fields the schema does not name are kept as given. */
                            content: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resumes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A resume with the content of its head version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            title: string;
                            templateId: string;
                            design: components["schemas"]["ResumeDesign"];
                            tags: string[];
                            headVersion: number;
                            hasDraft: boolean;
                            tailoredFrom: {
                                resumeId: string | null;
                                version: number;
                                jobId: string;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            deletedAt: string | null;
                            purgeAt: string | null;
                            /** @description A JSON Resume 1.2.1 document (https://jsonresume.org/schema). Fields the schema does not name are kept as given. */
                            content: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Move a resume to the trash (restorable for the retention period, 30 days by default) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Moved to the trash */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change title, template or tags; new content is committed directly as a new version */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                        /** @description Template used to render the resume */
                        templateId?: string;
                        /** @description Given options replace the stored ones; null resets an option to the template’s choice */
                        design?: {
                            /** @description The template (the same as templateId; give either) */
                            template?: string;
                            pageSize?: null | ("letter" | "a4");
                            /** @description Colour of the name and headings, #rrggbb */
                            accentColor?: string | null;
                            fontFamily?: null | ("dejavu-sans" | "dejavu-serif" | "dejavu-sans-condensed" | "liberation-sans");
                            /** @description Body text size in points */
                            fontSize?: number | null;
                            /** @description Line height as a multiple (1 = single) */
                            lineSpacing?: number | null;
                            /** @description Page margin on every side in points (72 = 1 inch) */
                            margins?: number | null;
                            sectionOrder?: null | ("summary" | "work" | "education" | "skills" | "projects" | "volunteer" | "awards" | "certificates" | "publications" | "languages" | "interests" | "references")[];
                            hiddenSections?: null | ("summary" | "work" | "education" | "skills" | "projects" | "volunteer" | "awards" | "certificates" | "publications" | "languages" | "interests" | "references")[];
                            sectionTitles?: null | {
                                summary?: string;
                                work?: string;
                                education?: string;
                                skills?: string;
                                projects?: string;
                                volunteer?: string;
                                awards?: string;
                                certificates?: string;
                                publications?: string;
                                languages?: string;
                                interests?: string;
                                references?: string;
                            };
                            /** @description Whether templates with a photo slot draw the photo */
                            showPhoto?: boolean | null;
                        };
                        tags?: string[];
                        /** @description New content, committed directly as a new version */
                        content?: {
                            [key: string]: unknown;
                        };
                        /** @description What changed in this version */
                        message?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            title: string;
                            templateId: string;
                            design: components["schemas"]["ResumeDesign"];
                            tags: string[];
                            headVersion: number;
                            hasDraft: boolean;
                            tailoredFrom: {
                                resumeId: string | null;
                                version: number;
                                jobId: string;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            deletedAt: string | null;
                            purgeAt: string | null;
                            /** @description A JSON Resume 1.2.1 document (https://jsonresume.org/schema). Fields the schema does not name are kept as given. */
                            content: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/resumes/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bring a resume back from the trash */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            title: string;
                            templateId: string;
                            design: components["schemas"]["ResumeDesign"];
                            tags: string[];
                            headVersion: number;
                            hasDraft: boolean;
                            tailoredFrom: {
                                resumeId: string | null;
                                version: number;
                                jobId: string;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            deletedAt: string | null;
                            purgeAt: string | null;
                            /** @description A JSON Resume 1.2.1 document (https://jsonresume.org/schema). Fields the schema does not name are kept as given. */
                            content: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resumes/{id}/permanently": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a resume in the trash for good, with its versions and draft (409 RESUME_NOT_IN_TRASH otherwise) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted for good */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resumes/trash": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Empty the trash: delete every resume in it for good, with their versions and drafts */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description How many resumes were removed for good */
                            deleted: number;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resumes/{id}/tailored": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The resumes tailored from this one, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                                templateId: string;
                                design: components["schemas"]["ResumeDesign"];
                                tags: string[];
                                headVersion: number;
                                hasDraft: boolean;
                                tailoredFrom: {
                                    resumeId: string | null;
                                    version: number;
                                    jobId: string;
                                } | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                deletedAt: string | null;
                                purgeAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resumes/{id}/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The working draft, or the head version when there is none; always with an ETag */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            resumeId: string;
                            /** @description A JSON Resume 1.2.1 document (https://jsonresume.org/schema). Fields the schema does not name are kept as given. */
                            content: {
                                [key: string]: unknown;
                            };
                            /** @description Send it back in If-Match on the next save */
                            etag: string;
                            /** @description False when there is no draft and this is the head version */
                            saved: boolean;
                            baseVersion: number;
                            /** @description Whether the content is valid JSON Resume (only a valid draft commits) */
                            valid: boolean;
                            errors: {
                                pointer: string;
                                message: string;
                            }[];
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Autosave the draft. Needs If-Match with the ETag last read: 428 without it, 412 when stale */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag last read */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A JSON Resume 1.2.1 document (https://jsonresume.org/schema). Fields the schema does not name are kept as given. */
                        content: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            resumeId: string;
                            /** @description A JSON Resume 1.2.1 document (https://jsonresume.org/schema). Fields the schema does not name are kept as given. */
                            content: {
                                [key: string]: unknown;
                            };
                            /** @description Send it back in If-Match on the next save */
                            etag: string;
                            /** @description False when there is no draft and this is the head version */
                            saved: boolean;
                            baseVersion: number;
                            /** @description Whether the content is valid JSON Resume (only a valid draft commits) */
                            valid: boolean;
                            errors: {
                                pointer: string;
                                message: string;
                            }[];
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /** Discard the draft (If-Match optional; when sent it must match) */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag last read */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Discarded */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resumes/{id}/draft/commit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Commit the draft as the next immutable version (If-Match optional; when sent it must match) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag last read */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description What changed in this version */
                        message?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            resumeId: string;
                            number: number;
                            message: string;
                            restoredFrom: number | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description A JSON Resume 1.2.1 document (https://jsonresume.org/schema). Fields the schema does not name are kept as given. */
                            content: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resumes/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The committed versions of a resume, newest first, a page at a time */
        get: {
            parameters: {
                query: {
                    limit: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                resumeId: string;
                                number: number;
                                message: string;
                                restoredFrom: number | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resumes/{id}/versions/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version with its content */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    number: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            resumeId: string;
                            number: number;
                            message: string;
                            restoredFrom: number | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description A JSON Resume 1.2.1 document (https://jsonresume.org/schema). Fields the schema does not name are kept as given. */
                            content: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resumes/{id}/versions/{number}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make a new version whose content is this version’s (history is never rewritten) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    number: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description What changed in this version */
                        message?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            resumeId: string;
                            number: number;
                            message: string;
                            restoredFrom: number | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description A JSON Resume 1.2.1 document (https://jsonresume.org/schema). Fields the schema does not name are kept as given. */
                            content: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resumes/{id}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What changed between two versions, as an RFC 6902 JSON Patch */
        get: {
            parameters: {
                query: {
                    from: number;
                    /** @description Defaults to the head version */
                    to?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: number;
                            to: number;
                            /** @description RFC 6902 JSON Patch turning version `from` into version `to` */
                            patch: {
                                op: "add" | "remove" | "replace" | "move" | "copy" | "test";
                                path: string;
                                /** @description move and copy: where the value comes from */
                                from?: string;
                                value?: unknown;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Saved job postings, newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Job"][];
                            nextCursor?: string;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Save a job posting */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                        company?: string;
                        /** Format: uri */
                        url?: string;
                        description: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A saved job posting */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a saved job posting */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}/analysis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deterministic analysis of a saved posting: skills, requirements, weighted keywords */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JobAnalysis"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Applications, filtered and sorted (default: most recently changed first) */
        get: {
            parameters: {
                query?: {
                    /** @description Any of these (repeat the parameter) */
                    status?: ("saved" | "applied" | "interviewing" | "offer" | "accepted" | "rejected" | "withdrawn")[];
                    /** @description Text in company or title */
                    q?: string;
                    /** @description Only applications with a deadline before this instant */
                    deadlineBefore?: string;
                    /** @description updated (newest change first, default), deadline (soonest first, none last), company, status */
                    sort?: "updated" | "deadline" | "company" | "status";
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Application"][];
                            nextCursor?: string;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Track an application: a saved job (jobId) or a company and title, the resume sent, a status */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description One of your saved jobs (404 JOB_NOT_FOUND otherwise); company, title and url default to its own
                         */
                        jobId?: string;
                        /** Format: uri */
                        url?: string;
                        /** @description Required without a jobId */
                        company?: string;
                        /** @description Required without a jobId */
                        title?: string;
                        /**
                         * Format: uuid
                         * @description The resume sent: one of yours (404 RESUME_NOT_FOUND otherwise)
                         */
                        resumeId?: string;
                        /** @description Pins a committed version of the resume (404 VERSION_NOT_FOUND when it has none such) */
                        resumeVersion?: number;
                        /** @description Default: saved */
                        status?: "saved" | "applied" | "interviewing" | "offer" | "accepted" | "rejected" | "withdrawn";
                        /** @description Recorded in the history with this status change */
                        statusNote?: string;
                        /**
                         * Format: date-time
                         * @description Default: now when the status is applied
                         */
                        appliedAt?: string;
                        /** Format: date-time */
                        deadline?: string;
                        nextStep?: {
                            /** Format: date-time */
                            at: string;
                            note?: string;
                        };
                        contacts?: {
                            name: string;
                            role?: string;
                            /** Format: email */
                            email?: string;
                            phone?: string;
                            notes?: string;
                        }[];
                        notes?: string;
                        /** @description min must not exceed max (400 naming /body/salary/max) */
                        salary?: {
                            min?: number;
                            max?: number;
                            /** @description ISO 4217 code, e.g. EUR */
                            currency: string;
                            period: "hour" | "day" | "week" | "month" | "year";
                        };
                        location?: string;
                        remote?: "onsite" | "hybrid" | "remote";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The filtered, sorted list as CSV (cells that would start a spreadsheet formula begin with a quote) */
        get: {
            parameters: {
                query?: {
                    /** @description Any of these (repeat the parameter) */
                    status?: ("saved" | "applied" | "interviewing" | "offer" | "accepted" | "rejected" | "withdrawn")[];
                    /** @description Text in company or title */
                    q?: string;
                    /** @description Only applications with a deadline before this instant */
                    deadlineBefore?: string;
                    /** @description updated (newest change first, default), deadline (soonest first, none last), company, status */
                    sort?: "updated" | "deadline" | "company" | "status";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 4180 CSV with a header row */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An application with its status history; the ETag is what PATCH needs in If-Match */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an application */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change an application. Needs If-Match with its ETag: 428 without it, 412 when stale */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag last read */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            /** @description The fields to change; null clears an optional one */
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        jobId?: string | null;
                        /** Format: uri */
                        url?: string | null;
                        company?: string;
                        title?: string;
                        /**
                         * Format: uuid
                         * @description null unlinks the resume and its pinned version
                         */
                        resumeId?: string | null;
                        /** @description Pins a committed version of the resume (404 VERSION_NOT_FOUND when it has none such) */
                        resumeVersion?: number | null;
                        /** @description A new status appends { from, to, at, note } to the history */
                        status?: "saved" | "applied" | "interviewing" | "offer" | "accepted" | "rejected" | "withdrawn";
                        /** @description Recorded in the history with this status change */
                        statusNote?: string;
                        /** Format: date-time */
                        appliedAt?: string | null;
                        /** Format: date-time */
                        deadline?: string | null;
                        nextStep?: null | {
                            /** Format: date-time */
                            at: string;
                            note?: string;
                        };
                        /** @description Replaces the whole list */
                        contacts?: {
                            name: string;
                            role?: string;
                            /** Format: email */
                            email?: string;
                            phone?: string;
                            notes?: string;
                        }[];
                        notes?: string | null;
                        salary?: null | {
                            min?: number;
                            max?: number;
                            /** @description ISO 4217 code, e.g. EUR */
                            currency: string;
                            period: "hour" | "day" | "week" | "month" | "year";
                        };
                        location?: string | null;
                        remote?: null | ("onsite" | "hybrid" | "remote");
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/resumes/{id}/ats-report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Explainable ATS match of the working draft (or a version) against a job posting */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A saved job posting (GET /api/jobs)
                         */
                        jobId?: string;
                        /** @description Posting text, when the job is not saved */
                        description?: string;
                        /** @description A committed version; default: the working draft */
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AtsReport"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resumes/{id}/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suggestions with the score impact of each patch */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A saved job posting (GET /api/jobs)
                         */
                        jobId?: string;
                        /** @description Posting text, when the job is not saved */
                        description?: string;
                        /** @description Also rewrite bullets for the posting (`ai` in the answer): with the LLM when configured, else re-ordered deterministically. Needs a posting. */
                        ai?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                code: string;
                                pointer: string;
                                message: string;
                                /** @description RFC 6902 JSON Patch */
                                patch?: {
                                    op: "add" | "remove" | "replace" | "move" | "copy" | "test";
                                    path: string;
                                    /** @description move and copy: where the value comes from */
                                    from?: string;
                                    value?: unknown;
                                }[];
                                /** @description Change of the overall ATS score if the patch is applied */
                                scoreDelta: number;
                                /** @description Apply only if true of you: the resume does not show it yet */
                                needsConfirmation: boolean;
                            }[];
                            /** @description Only when the request asked for `ai` */
                            ai?: {
                                engine: "llm" | "deterministic";
                                model?: string;
                                /** @description Why the deterministic engine answered */
                                fallbackReason?: "not-configured" | "circuit-open" | "timeout" | "rate-limited" | "server-error" | "connection-failed" | "invalid-output" | "request-rejected";
                                /** @description Rewritten (llm) or re-ordered (deterministic) bullets */
                                items: {
                                    code: string;
                                    pointer: string;
                                    message: string;
                                    /** @description RFC 6902 JSON Patch */
                                    patch?: {
                                        op: "add" | "remove" | "replace" | "move" | "copy" | "test";
                                        path: string;
                                        /** @description move and copy: where the value comes from */
                                        from?: string;
                                        value?: unknown;
                                    }[];
                                    /** @description Change of the overall ATS score if the patch is applied */
                                    scoreDelta: number;
                                    /** @description Apply only if true of you: the resume does not show it yet */
                                    needsConfirmation: boolean;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resumes/{id}/tailor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a resume tailored to a saved job; its working draft holds the tailored content */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            /** @description A saved job, or posting text (saved as a job so lineage can name it) */
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A saved job posting (GET /api/jobs)
                         */
                        jobId?: string;
                        /** @description Posting text, when the job is not saved */
                        description?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            resume: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                                templateId: string;
                                design: components["schemas"]["ResumeDesign"];
                                tags: string[];
                                headVersion: number;
                                hasDraft: boolean;
                                tailoredFrom: {
                                    resumeId: string | null;
                                    version: number;
                                    jobId: string;
                                } | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                deletedAt: string | null;
                                purgeAt: string | null;
                            };
                            draftEtag: string;
                            changes: {
                                pointer: string;
                                change: "reordered" | "added-skill" | "summary";
                                detail: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resumes/{id}/ai-draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Proposed edits to the working draft for a posting, as checked JSON Patch with a reason each (LLM when configured, else deterministic) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            /** @description A saved job (jobId) or pasted posting text (description) */
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A saved job posting (GET /api/jobs)
                         */
                        jobId?: string;
                        /** @description Posting text, when the job is not saved */
                        description?: string;
                        /** @description Parts the edits may touch; default all */
                        sections?: ("summary" | "highlights" | "skills")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AiDraft"];
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Built-in templates and installed JSON Resume themes */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                description: string;
                                /** @description `builtin` renders every format; `theme` (an installed JSON Resume theme) renders HTML only */
                                source: "builtin" | "theme";
                                formats: ("pdf" | "docx" | "html" | "md" | "txt" | "json")[];
                                /** @description HTML page showing the template with a sample resume */
                                previewUrl: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One template */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string;
                            /** @description `builtin` renders every format; `theme` (an installed JSON Resume theme) renders HTML only */
                            source: "builtin" | "theme";
                            formats: ("pdf" | "docx" | "html" | "md" | "txt" | "json")[];
                            /** @description HTML page showing the template with a sample resume */
                            previewUrl: string;
                        };
                    };
                };
                /** @description Default Response */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The template drawn with a sample resume (an HTML page) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/html */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description Default Response */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A background task of the signed-in user: state, progress, result or error */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            kind: string;
                            /** @description `retrying`: an attempt failed and another is scheduled with backoff */
                            state: "queued" | "running" | "retrying" | "succeeded" | "failed";
                            progress: number;
                            attempts: number;
                            maxAttempts: number;
                            /** @description Present once the task succeeded */
                            result?: unknown;
                            /** @description Why the last attempt failed */
                            error?: {
                                code: string;
                                message: string;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resumes/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a resume as PDF, DOCX, HTML, Markdown, text or JSON Resume, drawn with a template */
        get: {
            parameters: {
                query: {
                    format: "pdf" | "docx" | "html" | "md" | "txt" | "json";
                    template?: string;
                    /** @description A committed version; without it the working draft is drawn when there is one, else the head */
                    version?: number;
                    /** @description Page size for this download; defaults to the resume's design, then your settings, then letter */
                    paper?: "letter" | "a4";
                    /** @description Accent colour over the design's */
                    accentColor?: string;
                    /** @description Font over the design's */
                    fontFamily?: "dejavu-sans" | "dejavu-serif" | "dejavu-sans-condensed" | "liberation-sans";
                    /** @description Body text size over the design's */
                    fontSize?: number;
                    /** @description Line spacing over the design's */
                    lineSpacing?: number;
                    /** @description Page margins over the design's */
                    margins?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                        "text/html": string;
                        "text/markdown": string;
                        "text/plain": string;
                        "application/json": string;
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": components["schemas"]["Problem"];
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": components["schemas"]["Problem"];
                        "text/html": components["schemas"]["Problem"];
                        "text/markdown": components["schemas"]["Problem"];
                        "text/plain": components["schemas"]["Problem"];
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": components["schemas"]["Problem"];
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": components["schemas"]["Problem"];
                        "text/html": components["schemas"]["Problem"];
                        "text/markdown": components["schemas"]["Problem"];
                        "text/plain": components["schemas"]["Problem"];
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resumes/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The working copy drawn as HTML or PDF for the screen, revalidated by ETag
         * @description What the editor shows (the working draft, else the head version) with the resume’s design. The ETag names the draft’s ETag, template, design and format: a request with a current `If-None-Match` answers 304 without drawing. Previews count against the `analysis` policy, never against `export`.
         */
        get: {
            parameters: {
                query?: {
                    template?: string;
                    /** @description Page size for this download; defaults to the resume's design, then your settings, then letter */
                    paper?: "letter" | "a4";
                    /** @description Accent colour over the design's */
                    accentColor?: string;
                    /** @description Font over the design's */
                    fontFamily?: "dejavu-sans" | "dejavu-serif" | "dejavu-sans-condensed" | "liberation-sans";
                    /** @description Body text size over the design's */
                    fontSize?: number;
                    /** @description Line spacing over the design's */
                    lineSpacing?: number;
                    /** @description Page margins over the design's */
                    margins?: number;
                    /** @description Defaults to html */
                    format?: "html" | "pdf";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                        "application/pdf": string;
                    };
                };
                /** @description Default Response */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": components["schemas"]["Problem"];
                        "application/pdf": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": components["schemas"]["Problem"];
                        "application/pdf": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resumes/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a PDF, DOCX or JSON Resume file as a new resume whose draft holds the parsed content
         * @description multipart/form-data with one file part. The type is judged by the content, not the name. With `?async=true` the import runs as a background task (202, poll GET /api/tasks/:id).
         */
        post: {
            parameters: {
                query?: {
                    /** @description Run the import as a background task: 202 with the task to poll */
                    async?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            resume: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                                templateId: string;
                                design: components["schemas"]["ResumeDesign"];
                                tags: string[];
                                headVersion: number;
                                hasDraft: boolean;
                                tailoredFrom: {
                                    resumeId: string | null;
                                    version: number;
                                    jobId: string;
                                } | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                deletedAt: string | null;
                                purgeAt: string | null;
                                /** @description A JSON Resume 1.2.1 document (https://jsonresume.org/schema). Fields the schema does not name are kept as given. */
                                content: {
                                    [key: string]: unknown;
                                };
                            };
                            draft: {
                                /** Format: uuid */
                                resumeId: string;
                                /** @description A JSON Resume 1.2.1 document (https://jsonresume.org/schema). Fields the schema does not name are kept as given. */
                                content: {
                                    [key: string]: unknown;
                                };
                                /** @description Send it back in If-Match on the next save */
                                etag: string;
                                /** @description False when there is no draft and this is the head version */
                                saved: boolean;
                                baseVersion: number;
                                /** @description Whether the content is valid JSON Resume (only a valid draft commits) */
                                valid: boolean;
                                errors: {
                                    pointer: string;
                                    message: string;
                                }[];
                                /** Format: date-time */
                                updatedAt: string;
                            };
                            report: {
                                type: "pdf" | "docx" | "json";
                                /** @description Entries found per JSON Resume section */
                                sections: {
                                    [key: string]: number;
                                };
                                /** @description Field paths that got a value */
                                recognised: string[];
                                /** @description Lines that fit no field (left out of the draft) */
                                unrecognised: string[];
                                warnings: string[];
                                /** @description How sure the importer is of each field it filled (PDF and DOCX; empty for JSON) */
                                fields: {
                                    /** @description The field, e.g. work[0].position */
                                    path: string;
                                    confidence: "high" | "medium" | "low";
                                    /** @description Why, in a few words */
                                    reason: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            kind: string;
                            /** @description `retrying`: an attempt failed and another is scheduled with backoff */
                            state: "queued" | "running" | "retrying" | "succeeded" | "failed";
                            progress: number;
                            attempts: number;
                            maxAttempts: number;
                            /** @description Present once the task succeeded */
                            result?: unknown;
                            /** @description Why the last attempt failed */
                            error?: {
                                code: string;
                                message: string;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Stable error code; see docs/errors.md */
            code: string;
            requestId: string;
            /** @description One entry per bad field (JSON Pointer into the request) */
            errors?: {
                pointer: string;
                message: string;
            }[];
        } & {
            [key: string]: unknown;
        };
        User: {
            /** Format: uuid */
            id: string;
            email: string;
            displayName: string;
            tier: "free" | "pro" | "premium";
            role: "user" | "admin";
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        UserSettings: {
            locale: string;
            timezone: string;
            defaultTemplateId: string;
            pageSize: "letter" | "a4";
            theme: "light" | "dark" | "system";
            emailNotifications: boolean;
        };
        Job: {
            /** Format: uuid */
            id: string;
            title?: string;
            company?: string;
            url?: string;
            description: string;
            /** Format: date-time */
            createdAt: string;
        };
        JobAnalysis: {
            algorithmVersion: string;
            title?: string;
            company?: string;
            type?: string;
            location?: string;
            remote?: "Full" | "Hybrid" | "None";
            salary?: string;
            experience?: string;
            responsibilities: string[];
            qualifications: string[];
            skills: {
                name: string;
                level: string;
                keywords: string[];
            }[];
            requiredSkills: {
                id: string;
                name: string;
                kind: "hard" | "soft";
                category: string;
                importance: "required" | "preferred";
                mentions: number;
                /** @description The words exactly as the posting wrote them (e.g. "k8s") */
                asWritten: string;
                /** @description The posting sentence that asked for the skill */
                sentence: string;
                /** @description Years of experience asked with this skill ("5+ years of React") */
                minYears?: number;
            }[];
            preferredSkills: {
                id: string;
                name: string;
                kind: "hard" | "soft";
                category: string;
                importance: "required" | "preferred";
                mentions: number;
                /** @description The words exactly as the posting wrote them (e.g. "k8s") */
                asWritten: string;
                /** @description The posting sentence that asked for the skill */
                sentence: string;
                /** @description Years of experience asked with this skill ("5+ years of React") */
                minYears?: number;
            }[];
            hardSkills: string[];
            softSkills: string[];
            yearsOfExperience?: {
                min: number;
                max?: number;
                importance: "required" | "preferred";
                sentence: string;
            };
            seniority?: {
                level: "intern" | "junior" | "mid" | "senior" | "lead" | "principal" | "executive";
                inferred: boolean;
            };
            education?: {
                level: "high-school" | "associate" | "bachelor" | "master" | "doctorate";
                field?: string;
                importance: "required" | "preferred";
                equivalentExperience: boolean;
                sentence: string;
            };
            keywords: {
                term: string;
                skillId?: string;
                kind: ("hard" | "soft") | "keyword";
                importance: "required" | "preferred";
                weight: number;
                sentence: string;
            }[];
            /** @description Sentences of the posting that address a model or a screening program as instructions ([start, end) in the description): treated as data, so no skill, keyword or requirement is read from them */
            suspiciousText: {
                text: string;
                start: number;
                end: number;
            }[];
            /** @description Notices for the ESCO and O*NET data behind the skills */
            attribution: string[];
        };
        Application: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            jobId?: string;
            url?: string;
            company: string;
            title: string;
            /** Format: uuid */
            resumeId?: string;
            resumeVersion?: number;
            /** @description saved, applied, interviewing, offer, accepted, rejected or withdrawn (the board order) */
            status: "saved" | "applied" | "interviewing" | "offer" | "accepted" | "rejected" | "withdrawn";
            /** @description Status changes, oldest first (the latest 100 are kept) */
            history: {
                /** @description saved, applied, interviewing, offer, accepted, rejected or withdrawn (the board order) */
                from?: "saved" | "applied" | "interviewing" | "offer" | "accepted" | "rejected" | "withdrawn";
                /** @description saved, applied, interviewing, offer, accepted, rejected or withdrawn (the board order) */
                to: "saved" | "applied" | "interviewing" | "offer" | "accepted" | "rejected" | "withdrawn";
                /** Format: date-time */
                at: string;
                note?: string;
            }[];
            /** Format: date-time */
            appliedAt?: string;
            /** Format: date-time */
            deadline?: string;
            nextStep?: {
                /** Format: date-time */
                at: string;
                note?: string;
            };
            contacts: {
                name: string;
                role?: string;
                email?: string;
                phone?: string;
                notes?: string;
            }[];
            notes?: string;
            salary?: {
                min?: number;
                max?: number;
                currency: string;
                period: "hour" | "day" | "week" | "month" | "year";
            };
            location?: string;
            remote?: "onsite" | "hybrid" | "remote";
            /** @description The ETag is "r<revision>": send it as If-Match to PATCH */
            revision: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        AtsReport: {
            algorithmVersion: string;
            /** @description Month (YYYY-MM) ongoing roles were counted up to */
            asOf: string;
            overall: number;
            band: "weak" | "fair" | "good" | "strong";
            components: {
                name: "hardSkills" | "softSkills" | "jobTitle" | "experienceYears" | "education" | "otherKeywords";
                score: number;
                weight: number;
                applicable: boolean;
            }[];
            requirements: {
                id: string;
                kind: "skill" | "experience" | "education" | "title";
                label: string;
                importance: "required" | "preferred";
                status: "met" | "partial" | "missing";
                evidence: {
                    /** @description JSON Pointer into the resume */
                    pointer: string;
                    /** @description The exact text found there */
                    quote: string;
                }[];
                detail: string;
                /** @description The posting sentence it came from */
                source?: string;
            }[];
            matchedKeywords: string[];
            missingKeywords: string[];
            parseability: {
                score: number;
                issues: {
                    code: string;
                    severity: "error" | "warning" | "info";
                    pointer: string;
                    message: string;
                }[];
            };
            source: {
                version?: number;
                /** @description True when a saved draft was scored */
                draft: boolean;
                baseVersion: number;
            };
            attribution: string[];
        };
        AiDraft: {
            /** @description llm: written by the configured model; deterministic: by RoleReady tailoring */
            engine: "llm" | "deterministic";
            /** @description The model that wrote the edits (engine llm) */
            model?: string;
            /** @description Why the deterministic engine answered */
            fallbackReason?: "not-configured" | "circuit-open" | "timeout" | "rate-limited" | "server-error" | "connection-failed" | "invalid-output" | "request-rejected";
            sections: ("summary" | "highlights" | "skills")[];
            /** @description ETag of the draft the patch applies to (If-Match when saving it) */
            draftEtag: string;
            baseVersion: number;
            edits: {
                reason: string;
                /** @description RFC 6902: a test of the replaced value, then the change */
                patch: {
                    op: "add" | "remove" | "replace" | "move" | "copy" | "test";
                    path: string;
                    /** @description move and copy: where the value comes from */
                    from?: string;
                    value?: unknown;
                }[];
                /** @description Change of the overall ATS score if this edit alone is applied */
                scoreDelta: number;
            }[];
            /** @description Every accepted edit as one RFC 6902 patch (tests first); RoleReady proposes test, replace and add */
            patch: {
                op: "add" | "remove" | "replace" | "move" | "copy" | "test";
                path: string;
                /** @description move and copy: where the value comes from */
                from?: string;
                value?: unknown;
            }[];
            /** @description Proposed edits that failed a truthfulness check, and why */
            rejected: {
                op: string;
                path: string;
                value?: unknown;
                reason: string;
                rejection: {
                    code: "PATH_NOT_ALLOWED" | "SECTION_NOT_REQUESTED" | "ORIGINAL_MISMATCH" | "TARGET_MISSING" | "INVALID_VALUE" | "NO_CHANGE" | "DUPLICATE" | "NEW_SKILL" | "NEW_FACT" | "NEW_NUMBER" | "NEW_NAME";
                    message: string;
                };
            }[];
            score: {
                /** @description Overall ATS score of the draft */
                before: number;
                /** @description With the whole patch applied */
                after: number;
            };
        };
        ApiKey: {
            /** Format: uuid */
            id: string;
            name: string;
            scopes: ("resumes:read" | "resumes:write" | "jobs" | "documents")[];
            /** @description The first characters of the secret, to tell keys apart */
            hint: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt?: string;
            /**
             * Format: date-time
             * @description Updated at most once a minute
             */
            lastUsedAt?: string;
        };
        /** @description How the resume is drawn; options left out are the template’s */
        ResumeDesign: {
            /** @description The template (the same as templateId) */
            template: string;
            /** @description Page size of PDF and DOCX (and HTML when printed) */
            pageSize?: "letter" | "a4";
            /** @description Colour of the name and headings, #rrggbb */
            accentColor?: string;
            /** @description A bundled open font (embedded in PDFs) */
            fontFamily?: "dejavu-sans" | "dejavu-serif" | "dejavu-sans-condensed" | "liberation-sans";
            /** @description Body text size in points */
            fontSize?: number;
            /** @description Line height as a multiple (1 = single) */
            lineSpacing?: number;
            /** @description Page margin on every side in points (72 = 1 inch) */
            margins?: number;
            /** @description Sections drawn first, in this order; the others follow in the standard order */
            sectionOrder?: ("summary" | "work" | "education" | "skills" | "projects" | "volunteer" | "awards" | "certificates" | "publications" | "languages" | "interests" | "references")[];
            /** @description Sections left out of every format */
            hiddenSections?: ("summary" | "work" | "education" | "skills" | "projects" | "volunteer" | "awards" | "certificates" | "publications" | "languages" | "interests" | "references")[];
            /** @description Headings drawn instead of the standard ones, by section */
            sectionTitles?: {
                summary?: string;
                work?: string;
                education?: string;
                skills?: string;
                projects?: string;
                volunteer?: string;
                awards?: string;
                certificates?: string;
                publications?: string;
                languages?: string;
                interests?: string;
                references?: string;
            };
            /** @description Whether templates with a photo slot draw the photo */
            showPhoto?: boolean;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
