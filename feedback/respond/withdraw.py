"""/withdraw: a respondent removes their answers with the receipt code they were given."""

from __future__ import annotations

from flask import render_template
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import InputRequired, Length

from feedback.extensions import limiter
from feedback.respond.views import bp
from feedback.services.surveys.lifecycle import withdraw


class WithdrawForm(FlaskForm):
    receipt = StringField(validators=[InputRequired(), Length(min=12, max=20)])


@bp.route("/withdraw", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"])
def withdraw_answers() -> ResponseReturnValue:
    form = WithdrawForm()
    done = False
    if form.validate_on_submit():
        done = withdraw(form.receipt.data or "")
        if not done:
            form.receipt.errors = [_("We could not find answers with that code.")]
    elif form.is_submitted():
        form.receipt.errors = [_("Enter the code from your thank-you page")]
    return render_template("respond/withdraw.html", form=form, done=done, definition=None)
