"""The learned tier: shipped model files, byte-identical rebuilds, and how it is used."""

import json

import numpy as np
import pytest
from click.testing import CliRunner

from analysis.text import analyse_text, analyse_tiers
from analysis.text.model import load_model, model_paths, shipped_model
from analysis.text.train import (
    CORPUS_DIR,
    corpus_files,
    load_training_set,
    rules_view,
    sha256_files,
    train,
)
from feedback.cli.text_train import text_group

CONCERNS = [
    ("my step dad punches me in the belly so no one sees", "physical_abuse"),
    ("he gives me a slap when i get my spellings wrong", "physical_abuse"),
    ("mum hits me with the belt when shes cross", "physical_abuse"),
    ("there is never any tea at home and i go to bed starving", "neglect"),
    ("we get left on our own all weekend with no food", "neglect"),
    ("nobody washes my clothes and the house smells bad", "neglect"),
    ("my uncle makes me keep secrets about touching", "sexual_abuse"),
    ("a man online keeps asking for pictures of me with no top on", "sexual_abuse"),
    ("he touches me under my pyjamas at night", "sexual_abuse"),
    ("i cut my arms most nights so i can feel something", "self_harm_suicide"),
    ("i keep thinking everyone would be better off without me", "self_harm_suicide"),
    ("i want to take all my tablets and not wake up", "self_harm_suicide"),
    ("older lads pay me to drop parcels off in another town", "exploitation"),
    ("i do a job for them carrying stuff on the train and they said i owe them", "exploitation"),
    ("they gave me trainers and now i have to hold things for them", "exploitation"),
    ("dad throws mum against the wall when he has been drinking", "domestic_abuse"),
    ("my mums boyfriend strangled her last night and i hid", "domestic_abuse"),
    ("he smashes plates at mum and says he will kill her", "domestic_abuse"),
    ("i am going to run away tonight and not come back", "running_away"),
    ("i slept at the park again because i cant go home", "running_away"),
]
ORDINARY = [
    ("my worker listens to what i say", ["listened_to"], "positive"),
    ("nobody listens to me at meetings", ["listened_to"], "negative"),
    ("she always explains what will happen next", ["communication"], "positive"),
    ("we never got a letter back", ["communication"], "negative"),
    ("we waited months for the first visit", ["timeliness"], "negative"),
    ("they came round the same week", ["timeliness"], "positive"),
    ("the staff were kind and polite", ["respected"], "positive"),
    ("the receptionist was rude to my mum", ["respected"], "negative"),
    ("i hurt my knee at football but i am fine", [], "neutral"),
    ("this homework is killing me", [], "negative"),
    ("the training on neglect was useful", ["training_learning"], "positive"),
    ("my caseload is far too high", ["workload"], "negative"),
    ("i feel safe at home now", ["safety"], "positive"),
    ("my manager never has time for supervision", ["supervision_support"], "negative"),
    ("it was fine", [], "neutral"),
    ("i got to choose where we met", ["involvement_in_decisions"], "positive"),
    ("they made the plan without asking me", ["involvement_in_decisions"], "negative"),
    ("the police were slow and unhelpful", ["timeliness"], "negative"),
    ("lovely worker, always on time", ["relationship_with_worker"], "positive"),
    ("i liked my social worker but she left", ["relationship_with_worker"], "mixed"),
]


def write_corpus(folder, concerns=CONCERNS, ordinary=ORDINARY):
    folder.mkdir()
    rows = [
        {
            "id": f"c{i}",
            "audience": "child",
            "age_band": "8-11",
            "language": "en",
            "text": text,
            "themes": ["safety"],
            "sentiment": "negative",
            "concern": True,
            "concern_categories": [cat],
        }
        for i, (text, cat) in enumerate(concerns)
    ]
    rows += [
        {
            "id": f"o{i}",
            "audience": "child",
            "age_band": "8-11",
            "language": "en",
            "text": text,
            "themes": themes,
            "sentiment": sentiment,
            "concern": False,
            "concern_categories": [],
        }
        for i, (text, themes, sentiment) in enumerate(ordinary * 2)
    ]
    (folder / "tiny.jsonl").write_text(
        "\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8"
    )
    return folder


def test_the_shipped_model_was_built_from_this_corpus():
    """Change the corpus and this fails until `heard text train` rebuilds the model."""
    model = shipped_model()
    assert model is not None, "run `make text-model` to build analysis/text/models/"
    assert model.meta["corpus_sha256"] == sha256_files(corpus_files(CORPUS_DIR))


def test_shipped_model_files_are_plain_data():
    npz, meta = model_paths()
    with np.load(npz, allow_pickle=False) as data:  # a pickle inside would raise here
        assert {"vocab", "idf", "coef", "intercept"} <= set(data.files)
        assert data["coef"].shape[0] == data["idf"].shape[0]
    described = json.loads(meta.read_text(encoding="utf-8"))
    assert described["outputs"][0] == "concern"
    assert 0 < described["thresholds"]["concern"] < 1
    assert described["cross_validated"]["corpus"]["concern"]["either"]["recall"] >= 0.95


def test_corpus_is_big_and_varied_enough():
    data = load_training_set(CORPUS_DIR)
    concerns = [ex for ex in data.examples if ex.concern]
    assert len(data.examples) >= 3000 and len(concerns) >= 800
    categories = {c for ex in concerns for c in ex.concern_categories}
    assert len(categories) == 10
    assert len({ex.language for ex in data.examples}) >= 9


def test_training_twice_gives_byte_identical_models(tmp_path):
    data = load_training_set(write_corpus(tmp_path / "corpus"))
    flags = rules_view(data)
    first = train(data, flags).write(tmp_path / "a")
    second = train(data, flags).write(tmp_path / "b")
    for one, two in zip(first, second, strict=True):
        assert one.read_bytes() == two.read_bytes()
    model = load_model(tmp_path / "a")
    assert model.score("my stepdad punches me").concern > model.score("my worker listens").concern


def test_heard_text_train_writes_a_model_and_prints_cross_validated_figures(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    result = CliRunner().invoke(
        text_group, ["train", "--corpus", str(corpus), "--output", str(tmp_path / "out")]
    )
    assert result.exit_code == 0, result.output
    assert "5-fold cross-validated" in result.stdout
    assert "sentiment accuracy" in result.stdout and "physical_abuse" in result.stdout
    assert load_model(tmp_path / "out") is not None


def test_heard_text_train_refuses_an_empty_corpus(tmp_path):
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(text_group, ["train", "--corpus", str(tmp_path / "empty")])
    assert result.exit_code != 0
    assert "no .jsonl files" in result.output


@pytest.mark.parametrize(
    "text",
    [
        "the food at the hostel was lovely and the staff are kind. "
        "but i have been stood on the bridge most nights thinking of letting go",
        "Great trip to the farm, loved the goats!!! my uncle still comes in my room at night tho",
    ],
)
def test_a_disclosure_buried_in_praise_is_not_diluted(text):
    result = analyse_text(text)
    assert result.concern
    whole = shipped_model().decision(text)[0]
    # Each sentence is scored too: the disclosure's own sentence outweighs the praise.
    assert shipped_model().concern_decision(text) > whole


def test_tiers_are_the_analyser_and_its_two_halves():
    tiers = analyse_tiers("my mum's new boyfriend shuts me in the shed when she's at work")
    assert set(tiers) == {"analyser", "rules", "model"}
    assert tiers["analyser"].concern == (tiers["rules"].concern or tiers["model"].concern)
    assert 0.0 <= tiers["analyser"].concern_score <= 1.0


def test_the_model_names_the_words_that_weighed_most():
    result = analyse_text(
        "the man from the chicken shop gives me free food and says "
        "i owe him and have to take bags to his mates"
    )
    assert result.concern
    assert result.concern_reasons
    assert set(result.concern_reasons) <= set(result.redacted.lower().split()) | set(
        result.concern_matches
    )
