"""Contact details a respondent chose to give: encrypted at rest, readable only on an alert.

The key comes from HEARD_CONTACT_KEY (one or more Fernet keys, comma-separated, newest
first, so a key can be rotated without losing older alerts). In development and testing a
key is derived from SECRET_KEY, with a warning: fine on a laptop, wrong for real children.
In production without a key the contact question is simply not offered, because storing
contact details unencrypted, or losing a child's answers to a configuration error, would
both be worse.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from flask import current_app

#: the longest contact note kept (a phone number, an address and a good time to call)
MAX_CONTACT_LENGTH = 500
_CACHE_KEY = "heard.contact_fernet"


@dataclass(frozen=True)
class ContactRequest:
    """The answer to "Would you like someone to contact you?".

    wanted: the respondent said yes. details: what they wrote (may be empty).
    """

    wanted: bool
    details: str = ""


def _derived_key(secret: str) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"heard.contact", info=b"contact")
    return base64.urlsafe_b64encode(hkdf.derive(secret.encode()))


def _build() -> MultiFernet | None:
    app = current_app
    raw = app.config.get("HEARD_CONTACT_KEY") or ""
    keys = [k.strip() for k in raw.split(",") if k.strip()]
    if keys:
        return MultiFernet([Fernet(k.encode()) for k in keys])
    if app.config.get("HEARD_ENV") in ("development", "testing"):
        app.logger.warning(
            "HEARD_CONTACT_KEY is not set: contact details are encrypted with a key derived "
            "from SECRET_KEY. Set HEARD_CONTACT_KEY (a Fernet key) before real use."
        )
        return MultiFernet([Fernet(_derived_key(app.config["SECRET_KEY"]))])
    app.logger.error(
        "HEARD_CONTACT_KEY is not set: surveys will not offer 'Would you like someone to "
        "contact you?' until it is."
    )
    return None


def _fernet() -> MultiFernet | None:
    # Built once per app: the warning is said once and keys are parsed once.
    ext = current_app.extensions
    if _CACHE_KEY not in ext:
        ext[_CACHE_KEY] = _build()
    return ext[_CACHE_KEY]


def contact_available() -> bool:
    """Whether contact details can be stored safely (a key is configured or derived)."""
    return _fernet() is not None


def encrypt_contact(details: str) -> bytes:
    """Encrypt `details` for ConcernAlert.contact_encrypted; raises if no key is available."""
    fernet = _fernet()
    if fernet is None:
        raise RuntimeError("HEARD_CONTACT_KEY is not set")
    return fernet.encrypt(details[:MAX_CONTACT_LENGTH].encode())


def decrypt_contact(token: bytes | None) -> str | None:
    """The contact details, or None when there are none or the key no longer opens them."""
    fernet = _fernet()
    if not token or fernet is None:
        return None
    try:
        return fernet.decrypt(token).decode()
    except InvalidToken:
        current_app.logger.error("contact details could not be decrypted (key changed?)")
        return None
