-- Representative rows of schema version 2, for TestMigrations. Every
-- vN.sql describes the same data, in the schema of version N: one Dawn
-- article, one speaker mentioned as "the envoy", one attributed and one
-- unattributed quote. When you add migration N+1, add vN.sql.

INSERT INTO outlets (id, name) VALUES (1, 'Dawn');

INSERT INTO articles (id, outlet_id, url, title, byline, published, published_offset,
    text, paragraphs, hash, origin, format, ingested_at)
VALUES (1, 1, 'https://www.dawn.com/news/1', 'US envoy warns of TTP threat', 'Anwar Iqbal',
    '2023-12-20T05:00:00.000000000Z', 18000,
    'US envoy warns of TTP threat

The envoy wrote on X of “grave security challenges posed by TTP”.

Officials called the claims “exaggerated”.',
    '[[0,28,1],[30,99,0],[101,147,0]]',
    'effbde9b7a8df4ed112d4f505670b416f86ab5badac6d335b0682b6ae6718531', 'dawn.html', 'html', '2024-01-01T00:00:00.000000000Z');

INSERT INTO speakers (id, name, norm, role) VALUES (1, 'Tom West', 'tom west', 'US special representative');

INSERT INTO quotes (id, article_id, text, norm, start_byte, end_byte, paragraph, kind,
    unclosed, title, speaker_id, role, mention, cue, channel, method, confidence)
VALUES
    (1, 1, 'grave security challenges posed by TTP', 'grave security challenges posed by ttp',
        57, 95, 1, 'partial', 0, 0, 1, 'US special representative', 'The envoy', 'wrote', 'X', 'role', 0.8),
    (2, 1, 'exaggerated', 'exaggerated', 132, 143, 2, 'partial', 0, 0, NULL, '', '', '', '', '', 0);

INSERT INTO speaker_aliases (speaker_id, alias, norm) VALUES (1, 'The envoy', 'the envoy');
