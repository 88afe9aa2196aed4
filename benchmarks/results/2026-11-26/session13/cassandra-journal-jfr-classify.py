import re,collections,sys
txt=open(sys.argv[1]).read()
events=txt.split('jdk.ExecutionSample')[1:]
RULES=[
 ("snapshot store (serialize + write + retention)", r"snapshot\.CassandraSnapshotStore|SnapshotStore|saveSnapshot|deleteAsync"),
 ("event serialization in the plugin (ChainedEventSerializer, Pekko Serialization)", r"cassandra\.journal\.CassandraJournal.*serializeEvent|cassandra\.package\$\.serializeEvent|ChainedEventSerializer|Serialization\.(serialize|withTransport)"),
 ("plugin: binding statements, batch, writeMessages", r"CassandraJournal.*(statementGroup|writeMessages|executeBatch|\$anonfun\$asyncWriteMessages)"),
 ("plugin: tag writers / tag progress", r"TagWriter|TagWriters|BulkTagWrite"),
 ("driver request path (CqlRequestHandler, codecs, netty)", r"com\.datastax\.oss\.driver|io\.netty"),
 ("hash chain seal (event adapter: Jackson CBOR + SHA-256)", r"HashChain\.seal|ChainingEventAdapter"),
 ("portfolio command handling (validation, valuation, risk)", r"io\.riskpulse\.model\.portfolio\.Portfolio\.|io\.riskpulse\.model\.(risk|history)"),
 ("portfolio event handler / state", r"PortfolioState|PortfolioFold|eventHandler"),
 ("pekko persistence typed runtime", r"pekko\.persistence\.typed"),
 ("pekko persistence journal actor (AsyncWriteJournal)", r"pekko\.persistence\.journal|AsyncWriteJournal"),
 ("sharding / ask / actor dispatch", r"pekko\.(cluster\.sharding|pattern|actor|dispatch)"),
]
by=collections.Counter(); tot=collections.Counter()
for e in events:
    th=re.search(r'sampledThread = "([^"]+)"', e)
    t=re.sub(r'\d+','N',th.group(1)) if th else '?'
    frames='\n'.join(re.findall(r'^\s+([\w.$<>]+)\(', e, re.M))
    cat='other'
    for name,rx in RULES:
        if re.search(rx, frames): cat=name; break
    by[(t,cat)]+=1; tot[t]+=1
n=len(events)
for t,c in tot.most_common():
    print(f"{c:5d} {100*c/n:5.1f}%  {t}")
    for (tt,cat),v in sorted(by.items(), key=lambda x:-x[1]):
        if tt==t and v>=3: print(f"      {v:5d} {100*v/n:5.1f}%  {cat}")
