"""Regression floors on the blind "unanticipated" sets, whose first runs are recorded in
docs/evaluation.md. Every set here has been looked at after its first run, so these are
guards against getting worse, not blind figures."""

from __future__ import annotations

import pytest

from tests.eval_utils import blind_rows, eval_blind


@pytest.mark.parametrize(
    ("name", "answer_floor", "chatter_floor"),
    [
        ("blind/unanticipated_v1.tsv", 0.90, 0.97),
        ("blind/unanticipated_v2.tsv", 0.93, 0.98),
        ("blind/unanticipated_v3.tsv", 0.95, 0.92),
        ("blind/unanticipated_v4.tsv", 0.92, 0.96),
        # First run 88.7% / 92.2% (docs/evaluation.md); looked at and tuned on since.
        ("blind/unanticipated_v5.tsv", 0.92, 0.97),
        # Development sets written fresh for tuning (never blind): long descriptions, and a
        # mix of group-chat context, cloud retellings, typos and chatter.
        ("dev/long_descriptions.tsv", 0.96, 1.0),
        ("dev/mixed.tsv", 0.91, 0.95),
        # Written as a held-out check (73.3% / 78.7% before anything was tuned on it), then tuned on.
        ("dev/long_heldout.tsv", 0.90, 1.0),
        # Written fresh late in the session (92.8% / 94.4%, chatter 93.3% before tuning on it).
        ("dev/fresh_mixed.tsv", 0.96, 0.95),
        # First run 92.6% / 93.7%. Its "none" rows are mostly group lines that name a code in
        # passing ("运维说今晚维护，期间会返回 503，大家别慌"): announcements and hand-offs are
        # remarks (domain.SETTLED_WORDS), other passing mentions still get the card in a
        # private chat (auto mode in groups skips them, see domain.in_passing).
        ("dev/fresh_mixed_2.tsv", 0.95, 0.95),
        # First run 72.9% / 75.9% (group lines typing one code and asking for another: 10.9%).
        ("dev/fresh_mixed_3.tsv", 0.87, 0.95),
        # Written before any concept was added for it (72.0% / 76.0%): rows whose domain words the
        # cloud concept lexicon lacked.
        ("dev/cloud_lexicon.tsv", 0.90, 1.0),
        # Common cloud errors retold, written before the concepts for them (83.3% / 93.8%).
        ("dev/cloud_lexicon_2.tsv", 0.92, 1.0),
        # Platform and framework defaults asked without the code ("Django CSRF 校验失败默认回几"),
        # written before any description was added for them: first run 54.3% / 65.7%.
        ("dev/platform_defaults.tsv", 0.84, 1.0),
        # The final blind set of issue #11: first run 85.8% / 89.9%, chatter 97.3% (docs/evaluation.md);
        # looked at and tuned on since.
        ("blind/unanticipated_v6.tsv", 0.93, 0.98),
        # Its second final blind set: first run 88.9% / 93.1%, chatter 96.2%; tuned on since.
        ("blind/unanticipated_v7.tsv", 0.94, 0.99),
        # Its third final blind set: first run 96.2% / 98.1%, chatter 95.0%; tuned on since.
        ("blind/unanticipated_v8.tsv", 0.98, 0.98),
        # Cloud retellings, English variants and near siblings, written before any change for
        # them (first run 79.5% / 84.5%).
        ("dev/cloud_paraphrase_3.tsv", 0.89, 1.0),
        # A mixed set written the same way (first run 87.0% / 92.0%, number chatter 92.5%).
        ("dev/fresh_mixed_4.tsv", 0.96, 0.97),
        # The third, written like the blind sets (first run 88.8% / 91.2%, chatter 88.3%).
        ("dev/fresh_mixed_5.tsv", 0.94, 0.96),
        # Chatter against real questions in chatty clothes, written before any change for it
        # (first run: chatter and number chatter rejected 88.0%, real questions 92.5% / 95.0%).
        ("dev/chatter_3.tsv", 0.99, 0.97),
        # A harder one: talk about error handling, conventions, bills and figures (first run:
        # chatter rejected 78.9%, real questions 88.6% / 90.0%).
        ("dev/chatter_4.tsv", 0.98, 0.94),
        # A mixed set written like the blind sets (first run 90.9% / 97.0%, chatter 84.3%).
        ("dev/fresh_mixed_6.tsv", 0.94, 0.93),
        # Written as a held-out check after the two above were tuned on (first run 89.4% / 96.5%,
        # chatter 82.3%), then tuned on.
        ("dev/fresh_mixed_7.tsv", 0.93, 0.93),
        # Chatter from many communities (games, data, mobile, IoT, SRE, DBAs, students …), written
        # after the sets above were tuned on (first run: chatter rejected 86.0%, real questions 97.0%).
        ("dev/chatter_5.tsv", 0.97, 0.96),
        # Daily group life, memes, stories and unrelated technical questions (first run: chatter
        # rejected 82.3%, number chatter 68.6%, real questions 98.3% / 100%).
        ("dev/chatter_6.tsv", 0.98, 0.91),
        # Its fourth final blind set: first run 97.3% / 98.8%, chatter 95.0% (docs/evaluation.md);
        # looked at and tuned on since.
        ("blind/unanticipated_v9.tsv", 0.98, 0.99),
        # Its fifth final blind set, written at the start of session 9: first run 96.2% / 98.1%,
        # long descriptions 100% top-3, cloud paraphrases 93.8%, chatter 100% (docs/evaluation.md).
        ("blind/unanticipated_v10.tsv", 0.97, 0.99),
        # Held out after all of the above, in the blind sets' chatter style (first run: chatter
        # rejected 93.1%, real questions 100%), then tuned on.
        ("dev/chatter_7.tsv", 0.99, 0.96),
        # Written at the start of session 9 (first run: chatter rejected 89.0%, real questions
        # 100%); then held out from the chatter model's training to fit its thresholds
        # (95.3% with a model that never saw it), then trained on.
        ("dev/chatter_8.tsv", 0.98, 0.97),
        # Written after the chatter model was in (first runs, model trained without them):
        # tech-team life with figures, chatter rejected 91.2%, real questions 93.8%;
        # mixed non-engineer groups, 99.4%, real 100%; a blind-style mix, answerable
        # 93.1% / 96.2%, chatter 97.5%. Then tuned and trained on.
        ("dev/chatter_9.tsv", 0.98, 0.96),
        ("dev/chatter_10.tsv", 0.98, 0.98),
        ("dev/fresh_mixed_8.tsv", 0.95, 0.97),
        # In the blind sets' chatter style, 500 rows (first run with the model: chatter
        # rejected 98.0%, real questions 97.0%).
        ("dev/chatter_11.tsv", 0.98, 0.97),
        # Traditional Chinese, Cantonese, English-only, slang, moods (first run with the model:
        # chatter rejected 94.1%, number chatter 90.0%, real questions 97.5%).
        ("dev/chatter_12.tsv", 0.98, 0.98),
        # A week of one company's groups (first run with the model: chatter rejected 96.9%,
        # real questions 100%); a blind-style mix (answerable 96.2% / 96.2%, chatter 98.8%).
        ("dev/chatter_13.tsv", 0.98, 0.97),
        ("dev/fresh_mixed_9.tsv", 0.95, 0.97),
        # Written at the start of session 10 with pasted console, SDK and CLI output, gRPC and
        # WebSocket questions and Tencent API bodies (first run: answerable 79.4% / 86.1%, cloud
        # 36% for want of Tencent's common codes, network questions 38.9%, chatter 82.9%); then
        # tuned on, and the chatter model trained on it.
        ("dev/fresh_mixed_10.tsv", 0.86, 0.88),
        # Network failures and cloud errors told in words, pastes, and chatter naming errors,
        # written after fresh_mixed_10 was tuned on (first run: answerable 80.0% / 80.8%,
        # network in words 65.7%, cloud in words 60.0%, chatter 63.3%); then tuned on, and
        # the chatter model trained on it.
        ("dev/fresh_mixed_11.tsv", 0.85, 0.83),
        # A blind-style mix written at the end of session 10, after the two above were tuned on
        # (first run: answerable 90.6% / 92.9%, typos 70.0%, chatter 98.0%); then tuned on.
        ("dev/fresh_mixed_12.tsv", 0.91, 0.96),
        # Written at the start of session 11 in the same style, plus Chinese conventions (first
        # run at 793974b: answerable 92.2% / 92.2%, typos 70.0%, chatter 98.0%); then tuned on.
        ("dev/fresh_mixed_13.tsv", 0.95, 0.96),
        # Written in the same style after fresh_mixed_13 was tuned on (first run at 6ec26ff:
        # answerable 87.8% / 90.0%, descriptions 82.9% / 85.7%, chatter 100%); then tuned on.
        ("dev/fresh_mixed_14.tsv", 0.92, 0.98),
        # The session's final held-out set, written in the same style while fresh_mixed_14 was
        # tuned on (first run at 405cf59: answerable 88.3% / 93.3%, descriptions 85.7% / 91.4%,
        # cloud 84.0% / 92.0%, chatter 98.0%); then tuned on.
        ("dev/fresh_mixed_15.tsv", 0.90, 0.98),
        # Written at the start of session 12 in the same style (first run at ddbab6e:
        # answerable 93.9% / 96.1%, typos 80.0% / 85.0%, chatter 100%); then tuned on.
        ("dev/fresh_mixed_16.tsv", 0.97, 0.98),
        # The session's final held-out set, written in the same style while fresh_mixed_16 was
        # tuned on (first run at b029c27: answerable 93.3% / 95.0%, descriptions 88.6% / 91.4%,
        # cloud 92.0%, chatter 100%); then tuned on.
        ("dev/fresh_mixed_17.tsv", 0.96, 0.98),
        # Written blind while fresh_mixed_17 was tuned on, scored once at d964732 after it and
        # the chatter model's refit (first run: answerable 92.8% / 94.4%, descriptions 94.3% /
        # 94.3%, cloud 92.0%, chatter 100%); then tuned on.
        ("dev/fresh_mixed_18.tsv", 0.95, 0.98),
        # The session's last held-out set, written blind while fresh_mixed_18 was tuned on and
        # scored once at 1689668 (first run: answerable 94.4% / 96.7%, descriptions 97.1% /
        # 100%, cloud 100%, chatter 100%); then tuned on.
        ("dev/fresh_mixed_19.tsv", 0.97, 0.98),
        # Written blind while fresh_mixed_19 was tuned on, scored once at 1b573fe (first run:
        # answerable 94.4% / 95.6%, descriptions 88.6% / 91.4%, cloud 96.0%, chatter 98.0%);
        # then tuned on.
        ("dev/fresh_mixed_20.tsv", 0.97, 0.96),
        # The session's last held-out set, written blind while fresh_mixed_20 was tuned on and
        # scored once at 66aced8 (first run: answerable 95.6% / 96.7%, descriptions 91.4% /
        # 94.3%, cloud 100%, chatter 98.0%); then tuned on.
        ("dev/fresh_mixed_21.tsv", 0.97, 0.98),
        # Written blind while fresh_mixed_21 was tuned on, scored once at f54a2ee (first run:
        # answerable 92.2% / 93.9%, English 80.0%, descriptions 88.6% / 94.3%, cloud 92.0%,
        # chatter 100%); then tuned on.
        ("dev/fresh_mixed_22.tsv", 0.96, 0.98),
        # Written blind at the start of the next session and scored once at d7e4117 (first run:
        # answerable 88.3% / 89.4%, descriptions 74.3% / 74.3%, cloud 88.0%, typos 75.0%,
        # chatter 100%); then tuned on (network cards as whole documents, among others).
        ("dev/fresh_mixed_23.tsv", 0.96, 0.98),
        # Written blind while fresh_mixed_23 was tuned on, scored once at ff7b15f (first run:
        # answerable 90.6% / 94.4%, descriptions 77.1% / 85.7%, cloud 96.0%, chatter 100%);
        # then tuned on.
        ("dev/fresh_mixed_24.tsv", 0.96, 0.98),
        # Written blind while fresh_mixed_24 was tuned on, scored once at caa3edd (first run:
        # answerable 92.8% / 96.7%, descriptions 77.1% / 94.3%, cloud 92.0%, chatter 100%);
        # then tuned on.
        ("dev/fresh_mixed_25.tsv", 0.97, 0.98),
        # Written blind while fresh_mixed_25 was tuned on, scored once at 6bc0116 (first run:
        # answerable 92.2% / 94.4%, English 85.0%, descriptions 85.7% / 91.4%, cloud 92.0%,
        # chatter 100%); then tuned on.
        ("dev/fresh_mixed_26.tsv", 0.97, 0.98),
        # Written blind while fresh_mixed_26 was tuned on (its five family answers written
        # "network:family:X", rewritten "family:X" before scoring), scored once at 358801c (first
        # run: answerable 96.1% / 97.2%, descriptions 88.6% / 94.3%, cloud 96.0%, chatter 100%);
        # then tuned on.
        ("dev/fresh_mixed_27.tsv", 0.97, 0.98),
        # Written blind while fresh_mixed_27 was tuned on, scored once at 186152b (first run:
        # answerable 94.4% / 96.1%, descriptions 91.4% / 97.1%, cloud 84.0%, chatter 100%);
        # then tuned on.
        ("dev/fresh_mixed_28.tsv", 0.97, 0.98),
        # Written blind while fresh_mixed_28 was tuned on, scored once at def41ab (first run:
        # answerable 94.4% / 97.8%, descriptions 91.4% / 97.1%, cloud 92.0%, chatter 100%);
        # then tuned on.
        ("dev/fresh_mixed_29.tsv", 0.97, 0.98),
        # The session's final held-out set, written blind while fresh_mixed_29 was tuned on and
        # scored once at 1eb2a1c (first run: answerable 95.0% / 95.0%, descriptions 88.6% /
        # 88.6%, cloud 100%, English 100%, chatter 100%); then tuned on.
        ("dev/fresh_mixed_30.tsv", 0.97, 0.98),
        # Written blind at the start of session 14 (with fresh_mixed_32, held out as its final
        # set), scored once at be5e756 (first run: answerable 93.9% / 97.2%, descriptions 94.3% /
        # 100%, cloud 100%, English 95.0%, chatter 100%); then tuned on.
        ("dev/fresh_mixed_31.tsv", 0.97, 0.98),
        # Written blind while fresh_mixed_31 was tuned on, scored once at 352dc18 (first runs:
        # fresh_mixed_33 answerable 96.1% / 97.2%, descriptions 94.3% / 97.1%, cloud 100%,
        # chatter 100%; fresh_mixed_34 97.8% / 98.3%, descriptions 97.1% / 97.1%, cloud 96.0%,
        # chatter 100%); then tuned on.
        ("dev/fresh_mixed_33.tsv", 0.97, 0.98),
        ("dev/fresh_mixed_34.tsv", 0.97, 0.98),
        # Written blind while fresh_mixed_33/34 were tuned on, scored once at 5a86727 (first
        # runs: fresh_mixed_35 answerable 95.6% / 98.9%, descriptions 88.6% / 100%, cloud 100%,
        # chatter 100%; fresh_mixed_36 93.3% / 96.7%, descriptions 85.7% / 97.1%, cloud 100%,
        # chatter 100%); then tuned on.
        ("dev/fresh_mixed_35.tsv", 0.96, 0.98),
        ("dev/fresh_mixed_36.tsv", 0.96, 0.98),
        # Written blind while fresh_mixed_35/36 were tuned on, scored once at 5ce3c96 (first
        # runs: fresh_mixed_37 answerable 95.0% / 95.6%, descriptions 94.3% / 97.1%, cloud 100%,
        # chatter 100%; fresh_mixed_38 91.7% / 96.7%, descriptions 71.4% / 91.4%, cloud 96.0%,
        # chatter 98.0%); then tuned on.
        ("dev/fresh_mixed_37.tsv", 0.95, 0.98),
        ("dev/fresh_mixed_38.tsv", 0.91, 0.98),
        # Written blind while fresh_mixed_37/38 were tuned on, scored once at 8f4238c (first
        # runs: fresh_mixed_39 answerable 96.7% / 97.8%, descriptions 88.6% / 91.4%, cloud 100%,
        # chatter 100%; fresh_mixed_40 98.9% / 98.9%, descriptions 100% / 100%, cloud 96.0%,
        # chatter 100%); then tuned on.
        ("dev/fresh_mixed_39.tsv", 0.96, 0.98),
        ("dev/fresh_mixed_40.tsv", 0.97, 0.98),
        # Session 14's final held-out set, written blind at the session start beside
        # fresh_mixed_31 and scored once at af1512f, after every other set was tuned on (first
        # run: answerable 96.1% / 97.2%, descriptions 91.4% / 94.3%, cloud 100%, English 100%,
        # chatter 100%); then tuned on.
        ("dev/fresh_mixed_32.tsv", 0.97, 0.98),
        # Written blind at the start of session 15 (with fresh_mixed_42, held out as its final
        # set), scored once at ad9dcf9 (first run: answerable 98.3% / 98.9%, descriptions 97.1% /
        # 97.1%, cloud 96.0%, English 95.0%, chatter 100%); then tuned on.
        ("dev/fresh_mixed_41.tsv", 0.98, 0.98),
        # Written blind while fresh_mixed_41 was tuned on, scored once at 780a776 (first runs:
        # fresh_mixed_43 answerable 96.1% / 98.9%, descriptions 94.3% / 100%, cloud 96.0%,
        # chatter 100%; fresh_mixed_44 97.8% / 98.9%, descriptions 88.6% / 94.3%, cloud 100%,
        # chatter 100%); then tuned on.
        ("dev/fresh_mixed_43.tsv", 0.99, 0.98),
        ("dev/fresh_mixed_44.tsv", 0.98, 0.98),
        # Written blind while fresh_mixed_43/44 were tuned on, scored once at 5cd3cf1 (first
        # runs: fresh_mixed_45 answerable 98.9% / 98.9%, descriptions 97.1% / 97.1%, cloud
        # 96.0%, chatter 100%; fresh_mixed_46 97.8% / 98.3%, descriptions 94.3% / 94.3%, cloud
        # 100%, chatter 100%); then tuned on.
        ("dev/fresh_mixed_45.tsv", 0.98, 0.98),
        ("dev/fresh_mixed_46.tsv", 0.98, 0.98),
        # Written blind while fresh_mixed_45/46 were tuned on, scored once at 36fde92 (first
        # runs: fresh_mixed_47 answerable 97.2% / 97.2%, descriptions 88.6% / 88.6%, cloud 100%,
        # chatter 100%; fresh_mixed_48 96.7% / 97.8%, descriptions 94.3% / 100%, cloud 100%,
        # chatter 100%); then tuned on.
        ("dev/fresh_mixed_47.tsv", 0.97, 0.98),
        ("dev/fresh_mixed_48.tsv", 0.97, 0.98),
        # Session 15's final held-out set, written blind at the session start beside
        # fresh_mixed_41 and scored once at b07b048, after every other set was tuned on (first
        # run: answerable 96.7% / 98.9%, descriptions 94.3% / 97.1%, cloud 92.0%, English 100%,
        # chatter 100%); then tuned on.
        ("dev/fresh_mixed_42.tsv", 0.98, 0.98),
        # Session 16: remarks that name an error (a cause told, a fix made, a joke, a plan) beside
        # questions about the same errors, written blind. Scored once at ba857e7 (first run:
        # remarks rejected 49%, questions 99%) and once after the chatter work, rows unread
        # (52%, 99%); then tuned on.
        ("dev/chatter_boundary_1.tsv", 0.98, 0.86),
        # Written blind beside it and scored once at f593038, after the chatter work (first
        # run: remarks rejected 55%, questions 97% / 99%; the session-start code on the same rows:
        # 37%, 97% / 99%); then the chatter model trained on it.
        ("dev/chatter_boundary_2.tsv", 0.96, 0.80),
        # A third, written while the first two were tuned on; scored once at e8ae655 (first run:
        # remarks rejected 74%, 55% with the session-start code; questions 100% both); then
        # tuned and trained on.
        ("dev/chatter_boundary_3.tsv", 0.99, 0.84),
        # Session 16's final held-out set, named before it was written and scored once at
        # f593038 after all tuning (first run: answerable 97.2% / 97.2%, descriptions 97.1%,
        # cloud 100%, English 95.0%, chatter 100%); then tuned on.
        ("dev/fresh_mixed_49.tsv", 0.97, 0.98),
        # Session 17: a fourth set of remarks beside questions, written blind and scored once at
        # the session-start code 7f8ab35 and at the code of its arrival, rows unread (first run,
        # both: remarks rejected 72%, questions 92% / 93%); then tuned and trained on.
        ("dev/chatter_boundary_4.tsv", 0.97, 0.93),
        # Session 17's first final set and a fifth remark set, written blind and scored once at
        # 6d7a90b after the cb4 work (first run: fresh_mixed_50 answerable 93.3% / 94.4%,
        # descriptions 94.3%, cloud 84.0%, English 85.0%, chatter 100%, the same at the session
        # start; chatter_boundary_5 remarks rejected 73% (69% at the session start), questions
        # 96%); then tuned and trained on.
        ("dev/fresh_mixed_50.tsv", 0.98, 0.98),
        ("dev/chatter_boundary_5.tsv", 0.96, 0.90),
        # Session 17's final held-out set, named before it was written and scored once at
        # f4b7797 after the tuning above (first run: answerable 97.2% / 98.9%, descriptions
        # 97.1%, cloud 92.0%, English 100%, chatter 100%; the same at the session start);
        # then tuned and trained on.
        ("dev/fresh_mixed_51.tsv", 0.97, 0.98),
        # Session 18: a sixth remark set, written blind and scored once at the session-start
        # code e80ae56, rows unread (first run: remarks rejected 80%, questions 95% / 96%);
        # then tuned and trained on.
        ("dev/chatter_boundary_6.tsv", 0.97, 0.95),
        # Session 18's final sets, written blind and scored once at eff3cd7 after the work above
        # (first runs: fresh_mixed_52 answerable 91.7% / 94.4%, descriptions 74.3% / 80.0%, cloud
        # 88.0%, English 95.0%, chatter 100%; the session start 92.2% / 95.0%, descriptions
        # 82.9% top-3; chatter_boundary_7 remarks rejected 81% (75% at the session start),
        # questions 95%); then tuned and trained on.
        ("dev/fresh_mixed_52.tsv", 0.93, 0.98),
        ("dev/chatter_boundary_7.tsv", 0.96, 0.92),
        # Session 19's final sets, written blind at its start and scored once at 0ba7dc8 after
        # every change (first runs: fresh_mixed_53 answerable 92.8% / 94.4%, descriptions 80.0% /
        # 88.6%, cloud 80.0%, English 100%, chatter 100%, the same as at the session start;
        # chatter_boundary_8 remarks rejected 77% (76% at the session start), questions 90% / 92%);
        # then tuned and trained on.
        ("dev/fresh_mixed_53.tsv", 0.92, 0.98),
        ("dev/chatter_boundary_8.tsv", 0.90, 0.87),
        # Plain-words cloud questions (any:Code expectations), tuning sets: fresh_plain_api_61
        # (session 22, first run 63.8% at b9d5d91) and fresh_plain_api_65 (session 23, first run
        # 78.5% / 83.8% at 5774073, before its rows were read).
        ("dev/fresh_plain_api_61.tsv", 0.80, 0.90),
        ("dev/fresh_plain_api_65.tsv", 0.86, 1.0),
        # Session 24's tuning sets, written blind by four writers and each scored once at the
        # session-start code 01c0fa7 on arrival, rows unread (first runs: fresh_mixed_68
        # answerable 97.2% / 97.8%, fresh_mixed_69 93.3% / 95.6%, fresh_mixed_70 92.2% / 93.9%,
        # chatter_boundary_15 remarks rejected 86%, questions 99%); then tuned and trained on.
        ("dev/fresh_mixed_68.tsv", 0.98, 0.98),
        ("dev/fresh_mixed_69.tsv", 0.98, 1.0),
        ("dev/fresh_mixed_70.tsv", 0.96, 1.0),
        ("dev/chatter_boundary_15.tsv", 0.99, 0.92),
        # Session 25's tuning sets, each scored once at the session-start code 288058a on
        # arrival, rows unread (first runs: fresh_mixed_72 answerable 96.1% / 97.8%;
        # fresh_cloud_73, cloud retellings only, 72.0% / 76.0% once the writer's bare
        # alternatives got their provider prefix; fresh_cloud_74, the same brief, 74.0% /
        # 76.0%; fresh_mixed_76 95.6% / 98.3%; fresh_cloud_77 75.0% / 80.0%); then tuned and
        # trained on.
        ("dev/fresh_mixed_72.tsv", 0.98, 1.0),
        ("dev/fresh_mixed_76.tsv", 0.95, 1.0),
        ("dev/fresh_cloud_73.tsv", 0.84, 1.0),
        ("dev/fresh_cloud_74.tsv", 0.85, 1.0),
        ("dev/fresh_cloud_77.tsv", 0.85, 1.0),
        # Session 26's tuning sets, each scored once at the session-start code 9d91d59 on
        # arrival, rows unread (first runs: fresh_mixed_81 answerable 96.1% / 97.2%, chatter
        # 100%; fresh_cloud_80, cloud retellings only, 84.0% / 84.0%); then tuned and trained on.
        ("dev/fresh_mixed_81.tsv", 0.98, 1.0),
        ("dev/fresh_cloud_80.tsv", 0.89, 1.0),
        # Session 27's tuning set of typos, homophones, pinyin and traditional Chinese, scored
        # once at c9a0acd on arrival, rows unread (first run 81.0% / 83.8%, chatter 100%); then
        # tuned and trained on.
        ("dev/typo_84.tsv", 0.93, 1.0),
        # Session 28's tuning set of network errors (pastes, questions in Chinese and English,
        # typos, rows with a status in the text, chatter), scored once at a423b03 on arrival,
        # rows unread (first run 95.4% / 96.2%, chatter 100%); then tuned and trained on.
        ("dev/network_86.tsv", 0.97, 1.0),
        # Two more of session 28's tuning sets, each scored once on arrival at 54f39ea, rows
        # unread: desc_87, long descriptions (first run 88.0% / 89.0%, chatter 90%), and
        # cloud_88, cloud errors retold (first run 48.9% / 52.2%, chatter 100%: 29 of its 46
        # misses name codes of products the tables do not hold, SMS, COS, KMS, RDS, CLB ...).
        ("dev/desc_87.tsv", 0.92, 0.95),
        ("dev/cloud_88.tsv", 0.60, 1.0),
        # Session 29's tuning sets, each scored once on arrival at 1abab2c (the session-start
        # code), rows unread: english_91, questions, descriptions, logs and chat lines in English
        # (first run 82.2% / 87.8%, chatter 90%), and cloud_90, cloud errors retold, pasted and
        # asked by product (first run 52.2% / 55.6%, chatter 80%: most of its misses name
        # products the tables do not hold, RDS, KMS, CDN, SMS, COS, Huawei's VPC and IMS).
        # Three rows were relabelled to accept an equivalent code (APIGW.NNNN is APIG.NNNN).
        ("dev/english_91.tsv", 0.94, 0.9),
        ("dev/cloud_90.tsv", 0.63, 0.8),
        # And mixed_92 (descriptions, group lines, cloud errors, English, typos, pastes, chatter),
        # scored once on arrival at 54d78af, rows unread (first run 89.3% / 91.4%, chatter 95%);
        # three APIGW.NNNN rows relabelled to accept APIG.NNNN too; then tuned and trained on.
        ("dev/mixed_92.tsv", 0.93, 0.95),
        # Session 30's tuning sets, each scored once on arrival at 0b4314d (the session-start
        # code), rows unread: cloud_94, cloud errors retold, in English, pasted and asked by
        # product (first run 48.9% / 52.2%, chatter 100%: most misses name products or codes the
        # tables do not hold, SLS, FC, DNS, Tencent's CDN, VPC, KMS and MySQL), and mixed_95
        # (first run 90.7% / 90.7%, chatter 100%); then tuned and trained on.
        ("dev/cloud_94.tsv", 0.61, 1.0),
        ("dev/mixed_95.tsv", 0.95, 0.95),
        # Session 31's tuning set (typos, group lines, cloud errors retold, pastes, descriptions,
        # English, chatter), scored once on arrival at 94efac4, rows unread (first run 88.9% /
        # 91.1%, chatter 88%); then tuned and trained on.
        ("dev/mixed_98.tsv", 0.94, 0.92),
        # Session 32's tuning set, 60 of its 160 rows cloud errors (retold, English variants,
        # JSON bodies) and the rest typos, group lines, pastes, descriptions and chatter, scored
        # once on arrival at e4bab70, rows unread (first run 85.9% / 90.4%, cloud 76.7%, chatter
        # 100%); then tuned and trained on.
        ("dev/mixed_101.tsv", 0.92, 0.96),
        # Session 33's tuning set, the same mix from another writer, scored once on arrival at
        # 07d4f5d, rows unread (first run 87.7% / 90.8%, cloud 80.0%, chatter 100%); then tuned
        # and trained on.
        ("dev/mixed_104.tsv", 0.92, 0.96),
        # Session 34's tuning set, 60 cloud errors and 30 group lines (venting openers, retold
        # words, a third of them chat) among its 160 rows, scored once on arrival at 3ce44e1,
        # rows unread (first run 83.8% / 86.9%, cloud 75.0%, group 90.0%, chatter 100%); then
        # tuned and trained on.
        ("dev/mixed_106.tsv", 0.88, 0.96),
        # And its second, 35 group lines, 30 English, 30 typos, 35 cloud errors and 30 chat lines,
        # scored once on arrival at 0431e5a, rows unread (first run 91.5% / 93.1%, cloud 85.7%,
        # chatter 100%); then tuned and trained on.
        ("dev/mixed_108.tsv", 0.93, 0.96),
        # Session 35's tuning set, 40 cloud errors, 30 group lines, 25 English, 20 typos, 15
        # pastes and 30 chat lines, scored once on arrival at 5186a61, rows unread (first run
        # 88.5% / 93.1%, cloud 75.0%, chatter 100%; the writer's short cloud names, tencent: and
        # huawei:, are written here as our provider keys); then tuned and trained on.
        ("dev/mixed_110.tsv", 0.92, 0.96),
        # And its second, 60 cloud errors, 30 group lines, 30 descriptions, 10 typos and 30 chat
        # lines, scored once on arrival at 5e9eb56, rows unread (first run 83.8% / 87.7%, cloud
        # 75.0%, descriptions 80.0%, chatter 100%); then tuned and trained on.
        ("dev/mixed_112.tsv", 0.89, 0.96),
        # Session 36's tuning set, 70 cloud errors (the three clouds' rewordings, English
        # variants, products named without a code), 20 group lines, 20 descriptions, 10 English,
        # 10 typos and 30 chat lines, scored once on arrival at fa3d8eb, rows unread (first run
        # 85.4% / 87.7%, cloud 80.0%, chatter 96.7%); then tuned and trained on.
        ("dev/mixed_114.tsv", 0.90, 0.96),
        # And its second, 80 cloud errors (pasted SDK exceptions, CLI output and bodies among
        # them), 20 descriptions, 10 group lines and 30 chat lines, scored once on arrival at
        # bf6c46c, rows unread (first run 86.4% / 88.2%, cloud 83.8%, chatter 100%); then tuned
        # and trained on.
        ("dev/mixed_115.tsv", 0.89, 0.96),
        # And its third, the categories other than cloud errors: 30 English, 30 pastes, 30 group
        # lines, 20 typos, 15 short questions, 10 conventions and 25 chat lines, scored once on
        # arrival at afa86a6, rows unread (first run 93.3% / 94.1%; 95.6% / 96.3% once Node's
        # spelling of OpenSSL's verify errors, which my prompt gave the writer, is read as the
        # card's; chatter 100%); then tuned and trained on.
        ("dev/mixed_116.tsv", 0.97, 0.96),
        # Session 37's tuning sets, each scored once on arrival, rows unread, then tuned and
        # trained on (first runs in docs/evaluation.md): mixed_119 and mixed_120 (60 cloud errors
        # each, typos, English, group lines, short questions, descriptions, chat; 93.6% / 93.6% and
        # 93.6% / 97.1% at 14a4dc8), mixed_121 and mixed_122 (50 descriptions half of them network
        # errors, 40 cloud errors; 85.7% / 87.1% and 94.3% / 95.0% at f3c704e), mixed_123 and
        # mixed_124 (the final set's categories; 97.2% / 97.8% and 96.7% / 97.2% at 33a0647),
        # mixed_125 and mixed_126 (the same; 96.7% / 97.2% each at 433b9de).
        ("dev/mixed_119.tsv", 0.96, 0.95),
        ("dev/mixed_120.tsv", 0.97, 0.95),
        ("dev/mixed_121.tsv", 0.95, 0.95),
        ("dev/mixed_122.tsv", 0.97, 0.95),
        ("dev/mixed_123.tsv", 0.98, 0.98),
        ("dev/mixed_124.tsv", 0.98, 0.98),
        ("dev/mixed_125.tsv", 0.97, 0.98),
        ("dev/mixed_126.tsv", 0.96, 0.98),
        # And four more with the final set's categories: mixed_127 and mixed_128 (96.7% / 97.8% and
        # 97.8% / 98.3% at bfdcde4), mixed_129 and mixed_130 (97.8% / 98.9% and 95.6% / 96.7% at 3a85557).
        ("dev/mixed_127.tsv", 0.97, 0.96),
        ("dev/mixed_128.tsv", 0.98, 0.98),
        ("dev/mixed_129.tsv", 0.98, 0.98),
        ("dev/mixed_130.tsv", 0.96, 0.96),
        # Session 38's two cloud tuning sets (90 cloud errors naming many products, 30 chat lines
        # about clouds each), scored once on arrival at f4ec3f4, rows unread (68.9% / 72.2% and
        # 74.4% / 75.6%; chatter 93.3% and 96.7%); then tuned and trained on. Their writers named
        # codes the tables here do not hold (Tencent VPC, CDN, KMS and DNSPod, Huawei SMS), so the
        # floors stay well below the other sets'.
        ("dev/cloud_133.tsv", 0.74, 0.96),
        ("dev/cloud_134.tsv", 0.78, 0.96),
        # Session 39's two (the same shape), scored once on arrival at 27dca6f, rows unread
        # (68.9% / 73.3% and 91.1% / 92.2%; chatter 100% and 93.3%); four of cloud_136's rows
        # wrote a status as any:429 and two left an alternative without its cloud, set right when
        # they moved here; then tuned and trained on.
        ("dev/cloud_136.tsv", 0.77, 0.96),
        ("dev/cloud_137.tsv", 0.95, 0.96),
        # And two more (cloud_138, cloud_139), scored once on arrival at 020129b, rows unread
        # (70.0% / 71.1% and 91.1% / 92.2%; chatter 96.7% both); cloud_139 wrote Tencent's
        # InvalidSecurityGroupId as ...ID, set right when it moved here, and accepted as typed
        # again once Tencent's VPC table (which spells it ...ID) came in (session 40).
        ("dev/cloud_138.tsv", 0.73, 0.96),
        ("dev/cloud_139.tsv", 0.94, 0.96),
        # Session 40's four (the same shape): cloud_141 and cloud_142 scored once on arrival at
        # e8aa7be (80.0% / 82.2% and 84.4% / 86.7%; chatter 80.0% and 86.7%: questions about a
        # service's price, waits and settings), cloud_143 and cloud_144 at e625637 (76.7% / 80.0%
        # and 74.4% / 78.9%; chatter 100% and 80.0%), rows unread; then tuned and trained on.
        ("dev/cloud_141.tsv", 0.82, 0.96),
        ("dev/cloud_142.tsv", 0.87, 0.96),
        ("dev/cloud_143.tsv", 0.77, 0.96),
        ("dev/cloud_144.tsv", 0.76, 0.96),
        # Session 41's three (the same shape), scored once on arrival at 97034b7 (74.4% / 76.7%,
        # 82.2% / 83.3% and 77.8% / 81.1%; chatter 96.7%, 93.3% and 96.7%), rows unread; then
        # tuned and trained on. Their writers leant on Huawei's gateway codes (APIGW.*) for
        # every Huawei API, and on codes they were unsure of.
        ("dev/cloud_146.tsv", 0.81, 0.96),
        ("dev/cloud_147.tsv", 0.84, 0.96),
        ("dev/cloud_148.tsv", 0.83, 0.96),
        # And two more (cloud_149, cloud_150), scored once on arrival at 04f8666 (76.7% / 81.1%
        # and 70.0% / 74.4%; chatter 96.7% and 90.0%), rows unread; then tuned and trained on.
        ("dev/cloud_149.tsv", 0.80, 0.96),
        ("dev/cloud_150.tsv", 0.73, 0.96),
    ],
)
def test_unanticipated_floors(service, name, answer_floor, chatter_floor):
    rows = blind_rows(name)
    answered = [0, 0]
    chatter = [0, 0]
    for row in rows:
        want, _category = eval_blind.expected(row)
        got = [eval_blind.keys_of(m) for m in service.resolve(row["query"]).matches]
        if want == ["none"]:  # chatter, and group lines that only mention a code
            chatter[0] += 1
            chatter[1] += not got
        else:
            answered[0] += 1
            if len(want) == 1 and " " in want[0]:  # a comparison: these codes first, in order
                codes = want[0].split()
                answered[1] += [keys[0] for keys in got[: len(codes)]] == codes
            else:
                answered[1] += bool(got) and any(k in want for k in got[0])
    rejected = chatter[1] / chatter[0] if chatter[0] else 1.0
    print(f"\n{name}: answerable top-1 {answered[1] / answered[0]:.1%}, chatter {rejected:.1%}")
    assert answered[1] / answered[0] >= answer_floor
    assert rejected >= chatter_floor


def test_nodes_spelling_of_an_openssl_verify_error_is_the_same_answer(service):
    # Node's err.code CERT_HAS_EXPIRED is OpenSSL's X509_V_ERR_CERT_HAS_EXPIRED (the card's name).
    top = service.resolve("Error: certificate has expired { code: 'CERT_HAS_EXPIRED' }").matches[0]
    keys = eval_blind.keys_of(top)
    assert "network:X509_V_ERR_CERT_HAS_EXPIRED" in keys and "network:CERT_HAS_EXPIRED" in keys
