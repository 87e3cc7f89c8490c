"""Measuring the tagger on gold corpora (TempEval-3 scores, error listing, ratchet).

* :mod:`timeline.evaluation.corpora` -- read ACE TERN/TIMEX2, TimeML/TIMEX3 and seed JSONL gold;
* :mod:`timeline.evaluation.scorer` -- strict/relaxed extraction, value scores, error records;
* :mod:`timeline.evaluation.run` -- ``evaluate()`` and the ``timeline evaluate`` command;
* :mod:`timeline.evaluation.ratchet` -- keep the recorded figures from falling.

Nothing is imported here, so ``import timeline.evaluation`` stays cheap.
"""
