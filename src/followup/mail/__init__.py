"""Mail: put a note in the user's Drafts folder, send it on approval, notice replies.

    account.py    the account settings (config `mail.*`), provider presets, the password
                  (system keyring or FOLLOWUP_MAIL_PASSWORD; never on disk)
    headers.py    header-injection and address guards
    eml.py        a draft as MIME bytes: the same bytes for staging, sending and `.eml`
    transport.py  the Transport Protocol the service talks to; memory.py an in-memory one
    smtp.py, imap.py, servers.py   the real servers, with bounded waits and clear failures
    service.py    stage / send / eml / mailto, shared by the CLI and the web
    replies.py    reply detection, recorded once per reply

Imports flow one way: model, compose, store values ← mail ← cli, web.
"""
