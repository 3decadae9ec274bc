"""People: staff accounts, invitations, passwords, sign-in, the second factor and OpenID Connect."""
