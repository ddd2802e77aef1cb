"""English words, and the names of software and vendors logs are full of: what a capitalised word may be
other than a name part.

``ENGLISH`` is the lower-case word list shipped in the wheel (``english_words.txt``, SCOWL's words as
Debian's ``wamerican`` ships them, built by ``tools/build_english_words.py``). A capitalised word
that is neither English, nor a listed name, nor a name of software is a name part of another
country (``Kuziora``, ``Fogaca``, ``Silveira``) far more often than anything else in log text.
"""

from __future__ import annotations

from importlib import resources
from typing import Final

from ._vocab import STATE_NAMES

__all__ = ["ENGLISH", "SOFTWARE", "THING_AFTER", "VOWELS", "clinical_word", "compound_word", "unknown_word"]


def _load() -> frozenset[str]:
    text = resources.files(__package__).joinpath("english_words.txt").read_text(encoding="ascii")
    return frozenset(word for line in text.splitlines() if not line.startswith("#") for word in line.split())


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


VOWELS: Final = frozenset("aeiouy")
"""Letters of which a word of a name holds one at least (``PACS``, ``KMS`` hold none)."""

ENGLISH: Final = _load()
"""Lower-case English words (``payment``, ``mercy``, ``west``)."""
_LONGEST_ENGLISH: Final = max(map(len, ENGLISH), default=0)
"""The length of the longest of :data:`ENGLISH`: no part of a compound is longer."""

SOFTWARE: Final = _words(
    """sqlstate errno redis nginx kafka grafana loki prometheus kubernetes kubectl postgres postgresql mysql mariadb
    mongodb
    mongo elasticsearch opensearch kibana logstash fluentd fluentbit datadog splunk sentry gunicorn uvicorn
    hypercorn daphne django fastapi starlette pydantic sqlalchemy alembic psycopg asyncpg boto botocore
    twilio sendgrid mailgun mailchimp okta keycloak cognito auth azure entra istio envoy linkerd consul
    nomad terraform ansible helm argo argocd jenkins github gitlab bitbucket jira atlassian slack webex zoom
    cerner athenahealth allscripts meditech nextgen availity optum surescripts redox mirth rhapsody
    cloverleaf hapi fhir openid oauth saml ubuntu debian centos fedora alpine linux macos darwin android
    ios iphone ipad chromium firefox safari webkit gecko mozilla okhttp axios curl wget golang nodejs npm
    pypi numpy pandas scipy pytest uvloop asyncio aiohttp httpx grpc protobuf thrift avro parquet duckdb
    sqlite snowflake bigquery redshift databricks hadoop airflow dagster prefect looker tableau metabase
    superset celery rabbitmq rabbit activemq zookeeper etcd minio seaweedfs ceph nfs vmware openshift
    heroku vercel netlify cloudflare akamai fastly paypal braintree adyen plaid hubspot salesforce zendesk
    freshdesk intercom segment mixpanel amplitude newrelic dynatrace honeycomb opentelemetry otel jaeger
    zipkin tempo mimir thanos cortex victoria influxdb timescale clickhouse cassandra scylla couchbase
    dynamodb firestore firebase supabase neon auth0 onelogin duo yubikey lastpass bitwarden vault
    kaiser permanente anthem humana aetna cigna centene molina wellcare highmark elevance medica labcorp
    quest walgreens cvs rite evernorth caremark express scripts geisinger intermountain sutter dignity
    ascension providence trinity advocate atrium banner baylor allina essentia sanford mayo cleveland
    ehr emr pacs dicom ccda cda ncpdp loinc snomed rxnorm hcpcs icd cpt ndc drg npi hie adt oru orm siu mdm dft
    vxu mllp xds ihe smart cms onc hipaa hitech phi pii travis jarvis hudson waystar availity zelis phreesia
    zocdoc doximity tebra kareo healthie akute elation veradigm rcopia surescripts covermymeds trizetto emdeon
    athenahealth eclinicalworks nextgen drchrono kipu netsmart pointclickcare matrixcare wellsky brightree redox
    commonwell carequality vonage plivo fivetran airbyte dramatiq huey sidekiq resque opsgenie healthgorilla
    cron crond cronjob systemd launchd supervisord"""
)
"""Names of software, vendors, payers and health systems that logs write with a capital and no dictionary holds."""


THING_AFTER: Final = _words(
    """cluster clusters queue queues region regions datacenter datacentre dc replica replicas server servers node
    nodes host hosts pool pools bucket buckets topic topics feed feeds pipeline pipelines worker workers deployment
    deployments environment env instance instances database databases db shard shards tenant tenants gateway
    release build builds batch batches cron stack vpc subnet zone zones cache partition partitions stream streams
    webhook endpoint endpoints tier rack racks campus sync job jobs namespace bot lb proxy mirror backup backups"""
)
"""Words after a lone capitalised word that make it a name of a thing of the system (``Jordan cluster``, ``Austin
datacenter``, ``Chase batch``), not a person, unless a strong cue or a title stands before it."""
PLACES: Final = frozenset(
    word.lower() for name in STATE_NAMES.split("|") for word in name.split() if word != "of"
) | _words(
    """america canada mexico brazil argentina chile colombia peru venezuela cuba spain portugal france germany
    italy poland ukraine russia sweden norway finland denmark ireland scotland england wales britain europe
    netherlands belgium austria switzerland greece turkey egypt israel iran iraq india pakistan bangladesh
    china japan korea vietnam thailand indonesia malaysia philippines singapore australia zealand nigeria
    kenya ghana ethiopia africa asia boston chicago seattle atlanta miami dallas houston denver austin phoenix
    toronto vancouver montreal london paris berlin madrid rome tokyo beijing shanghai mumbai delhi sydney
    manhattan brooklyn queens bronx oakland sacramento portland baltimore pittsburgh cincinnati nashville
    memphis orlando tampa raleigh charlotte omaha tucson albuquerque honolulu anchorage milwaukee detroit
    polska deutschland espana italia nederland brasil turkiye suomi sverige norge danmark osterreich schweiz
    suisse svizzera hellas magyarorszag cesko slovensko romania hrvatska srbija bulgaria lietuva latvija eesti
    ontario quebec alberta manitoba saskatchewan nunavut yukon bayern bavaria sachsen hessen andalucia catalonia
    catalunya galicia lombardia toscana sicilia bretagne normandie provence kerala karnataka maharashtra gujarat
    punjab bengal rajasthan tamil nadu telangana bihar sindh lagos oyo ogun kaduna anambra
    enugu jalisco oaxaca chiapas sonora yucatan bahia minas gerais parana ceara gauteng natal luzon mindanao
    visayas cebu davao kyushu hokkaido honshu okinawa kyoto gyeonggi busan incheon"""
)
"""States, countries and large cities: capitalised words no dictionary holds, and no person's name part."""


CLINICAL: Final = _words(
    """npo nkda nka prn bid tid qid qhs qam qpm qod stat sob doe htn hld copd chf cad ckd esrd gerd dvt uti uri
    cva tia hpi pmh psh ros wnl nad rrr ctab aox aaox perrla afebrile tachy brady diaphoretic ambulating
    ambulated pox spo etoh thc ivdu nsaid nsaids abx iv im po sq subq sl pr od os ou hgb hct wbc plt bmp cmp
    inr ptt bnp trop ekg ecg cxr mri cta echo nstemi stemi afib aflutter svt ssi cabg pci tavr icu picu nicu
    ccu pacu ed ercp egd lft lfts tsh bmi bp hr rr temp sats lasix coumadin eliquis xarelto plavix
    tylenol motrin advil zofran norco dilaudid ativan xanax zoloft prozac lexapro seroquel haldol narcan
    insulin lantus humalog novolog ozempic jardiance januvia synthroid"""
)
"""Clinical abbreviations and drug brand names that notes write in lower case after ``pt``."""
_DRUG_ENDINGS: Final = (
    "olol",
    "pril",
    "sartan",
    "statin",
    "mab",
    "nib",
    "zole",
    "cillin",
    "mycin",
    "floxacin",
    "oxacin",
    "pine",
    "done",
    "tide",
    "formin",
    "gliptin",
    "azepam",
    "olam",
    "triptan",
    "profen",
    "parin",
    "caine",
    "sone",
    "olone",
    "semide",
    "thiazide",
    "dronate",
    "tropin",
    "cycline",
    "vir",
    "azine",
    "oxetine",
    "aline",
    "amine",
)


PLACEHOLDERS: Final = _words(
    """lorem ipsum dolor amet consectetur adipiscing elit sed eiusmod tempor incididunt labore dolore magna
    aliqua foo bar baz qux quux corge grault garply plugh xyzzy thud todo fixme xxx asdf qwer qwerty
    hjkl zxcv abcd efgh wxyz blah"""
)
"""Placeholder words of code and test data (``lorem ipsum``, ``foo bar``, ``asdf``): no one's name."""


def clinical_word(word: str) -> bool:
    """Whether ``word`` (lower case) is a clinical abbreviation or a drug's name (by its ending: ``metoprolol``)."""
    return word in CLINICAL or word.endswith(_DRUG_ENDINGS)


def unknown_word(word: str) -> bool:
    """Whether ``word`` (any case, ASCII letters) is no English word, software, well-known place or placeholder."""
    bare = word.lower()
    return bare not in ENGLISH and bare not in SOFTWARE and bare not in PLACES and bare not in PLACEHOLDERS


def compound_word(word: str) -> bool:
    """Whether ``word`` (lower case) is two English words written as one (``datacenter``, ``healthcheck``,
    ``dispatchqueue``): the way software names things, not a name part. Each word has four letters or
    more, or three in a word of eight letters or more (``hemani`` is no ``hem`` + ``ani``)."""
    size = len(word)
    shortest = 3 if size >= 8 else 4
    first = max(shortest, size - _LONGEST_ENGLISH)  # the cuts whose two parts can both be words: a run of
    last = min(size - shortest, _LONGEST_ENGLISH)  # 8,000 letters is not tried at every position
    return any(word[:cut] in ENGLISH and word[cut:] in ENGLISH for cut in range(first, last + 1))
