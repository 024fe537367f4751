"""Skills and ML platforms: the one vocabulary that listings are tagged with and questions are read with.

Each entry is (canonical name, the lower-case words a mention can start with, the pattern that finds it in a
listing). Enrichment finds them in descriptions and tags (assistant.corpus.listings.enrich); question
understanding finds the same names, looser spelt, and their aliases (assistant.query.skills).
"""

from __future__ import annotations

SKILL_ENTRIES = (
    ("Python", "python", r"(?i:python)\b"),
    ("PyTorch", "pytorch py", r"(?i:py\s?torch)\b"),
    ("TensorFlow", "tensorflow tensor", r"(?i:tensor\s?flow)\b"),
    ("JAX", "jax", r"JAX\b"),
    ("Keras", "keras", r"(?i:keras)\b"),
    ("scikit-learn", "scikit sklearn", r"(?i:scikit[- ]?learn|sklearn)\b"),
    ("XGBoost", "xgboost", r"(?i:xgboost)\b"),
    ("Hugging Face", "hugging huggingface", r"(?i:hugging\s?face)\b"),
    ("LangChain", "langchain", r"(?i:langchain)\b"),
    ("Pandas", "pandas", r"(?i:pandas)\b"),
    ("NumPy", "numpy", r"(?i:numpy)\b"),
    ("Spark", "apache spark pyspark", r"(?:Apache\s+)?Spark\b(?!\s+(?:Capital|Hire|AR)\b)|PySpark\b"),
    ("SQL", "sql", r"SQL\b"),
    ("Kubernetes", "kubernetes k8s", r"(?i:kubernetes|k8s)\b"),
    ("Docker", "docker", r"(?i:docker)\b"),
    ("Terraform", "terraform", r"(?i:terraform)\b"),
    ("AWS", "aws amazon", r"AWS\b|(?i:amazon web services)\b"),
    # GCP also abbreviates Good Clinical Practice, which clinical listings cite next to ICH.
    (
        "GCP",
        "gcp google",
        r"(?<!ICH, )(?<!ICH and )(?<!ICH/)GCP\b(?!,? (?:and relevant )?(?:guidelines|regulations))"
        r"|(?i:google cloud(?: platform)?)\b",
    ),
    ("Azure", "azure", r"Azure\b(?!\s*(?:ML|Machine Learning)\b)"),
    ("dbt", "dbt", r"dbt\b"),
    ("Kafka", "kafka", r"(?i:kafka)\b"),
    ("Snowflake", "snowflake", r"Snowflake\b"),
    ("BigQuery", "bigquery", r"(?i:bigquery)\b"),
    ("PostgreSQL", "postgres postgresql", r"(?i:postgres(?:ql)?)\b"),
    ("Scala", "scala", r"Scala\b"),
    ("Java", "java", r"Java\b(?!\s*Script)"),
    ("JavaScript", "javascript", r"(?i:javascript)\b"),
    ("TypeScript", "typescript", r"(?i:typescript)\b"),
    ("React", "react", r"React\b(?!\s+Native)"),
    ("C++", "c", r"(?<![\w+])C\+\+"),
    ("Rust", "rust", r"Rust\b"),
    # "go" is a common word: only Golang, "Go (...)" and "in Go" name the language.
    ("Go", "golang go", r"(?i:golang)\b|Go(?=\s*\()|(?<=\bin )Go\b"),
    ("LLMs", "llm llms large", r"LLMs?\b|(?i:large language models?)\b"),
    ("NLP", "nlp natural", r"NLP\b|(?i:natural language processing)\b"),
    ("Computer Vision", "computer", r"(?i:computer vision)\b"),
    ("Deep Learning", "deep", r"(?i:deep learning)\b"),
    ("Machine Learning", "machine", r"(?i:machine learning)\b"),
    ("MLOps", "mlops ml", r"(?i:ml[- ]?ops)\b"),
)

# Named ML platforms and tools. Ambiguous names (Ray, Comet, Feast, Triton) are matched case-sensitively
# and, for Ray, Feast and Comet, only in a list or next to their own components.
PLATFORM_ENTRIES = (
    ("MLflow", "mlflow", r"(?i:mlflow)\b"),
    ("Weights & Biases", "weights wandb w", r"(?i:weights\s*(?:&|and)\s*biases\b|wandb\b)|W&B\b"),
    ("Vertex AI", "vertex vertexai", r"(?i:vertex\s*ai)\b"),
    ("SageMaker", "sagemaker sage", r"(?i:sage\s?maker)\b"),
    ("Kubeflow", "kubeflow", r"(?i:kubeflow)\b"),
    ("Ray", "ray", r"Ray(?=\s*(?:[,/)]|and\b|or\b|Serve\b|Tune\b|Train\b|Data\b|Core\b|RLlib\b|clusters?\b))"),
    ("Databricks", "databricks", r"(?i:databricks)\b"),
    ("Feast", "feast", r"Feast(?=\s*(?:[,/)]|and\b|or\b|feature))"),
    ("Tecton", "tecton", r"Tecton\b"),
    ("Airflow", "airflow", r"(?i:airflow)\b"),
    ("BentoML", "bentoml", r"(?i:bentoml)\b"),
    ("Triton", "triton", r"Triton(?:\s+Inference\s+Server)?\b"),
    ("KServe", "kserve kserving kfserve kfserving", r"(?i:kf?serv(?:e|ing))\b"),
    ("Seldon", "seldon", r"Seldon(?:\s+Core)?\b"),
    ("TFX", "tfx", r"TFX\b"),
    ("DVC", "dvc", r"DVC\b"),
    ("Comet", "comet cometml", r"(?i:comet(?:\.ml|\s?ml))\b|Comet(?=\s*(?:[,/)]|and\b|or\b))"),
    ("Neptune", "neptune", r"(?i:neptune(?:\.ai|\s+ai))\b"),
    ("Azure ML", "azure azureml", r"(?i:azure\s*(?:ml|machine\s+learning))\b"),
    ("Metaflow", "metaflow", r"(?i:metaflow)\b"),
    ("Flyte", "flyte", r"Flyte\b"),
    ("ZenML", "zenml", r"(?i:zenml)\b"),
    ("ClearML", "clearml", r"(?i:clearml)\b"),
    ("TorchServe", "torchserve", r"(?i:torchserve)\b"),
    ("TensorFlow Serving", "tensorflow tf", r"(?i:tensorflow\s+serving|tf\s+serving)\b"),
    ("TensorRT", "tensorrt", r"(?i:tensorrt)\b"),
    ("vLLM", "vllm", r"(?i:vllm)\b"),
    ("Hopsworks", "hopsworks", r"(?i:hopsworks)\b"),
)

ENTRIES = SKILL_ENTRIES + PLATFORM_ENTRIES
SKILL_NAMES = tuple(name for name, _, _ in ENTRIES)  # the one list of skill names

# What people type for a few names, beside the names themselves.
ALIASES: dict[str, list[str]] = {
    "scikit-learn": ["sklearn"],
    "Spark": ["pyspark", "apache spark"],
    "Kubernetes": ["k8s"],
    "AWS": ["amazon web services"],
    "GCP": ["google cloud platform", "google cloud"],
    "PostgreSQL": ["postgres"],
    "Go": ["golang"],
    "Weights & Biases": ["wandb", "w&b", "weights and biases"],
    "Vertex AI": ["vertex"],
    "Azure ML": ["azure machine learning", "azureml"],
    "TensorFlow Serving": ["tf serving"],
    "Comet": ["comet ml", "cometml"],
}
# Names that are ordinary words in lower case: only the capitalized name is the tool.
ORDINARY_WORDS = {"Ray", "Go", "Rust", "Comet", "Feast", "Neptune", "React"}

# How boards' tags spell skills outside the vocabulary (tags are mapped to these; descriptions are not searched
# for them), beside every vocabulary name and alias in lower case.
TAG_SPELLINGS = {
    "ml": "Machine Learning",
    "ai": "AI",
    "ai/ml": "AI/ML",
    "c#": "C#",
    ".net": ".NET",
    "ios": "iOS",
    "android": "Android",
    "node": "Node.js",
    "nodejs": "Node.js",
    "node.js": "Node.js",
    "next.js": "Next.js",
    "vue": "Vue",
    "vue.js": "Vue.js",
    "angular": "Angular",
    "django": "Django",
    "fastapi": "FastAPI",
    "flask": "Flask",
    "ruby": "Ruby",
    "ruby/rails": "Ruby on Rails",
    "rails": "Rails",
    "php": "PHP",
    "laravel": "Laravel",
    "graphql": "GraphQL",
    "html": "HTML",
    "css": "CSS",
    "api": "API",
    "rest": "REST",
    "linux": "Linux",
    "git": "Git",
    "seo": "SEO",
    "crm": "CRM",
    "excel": "Excel",
    "salesforce": "Salesforce",
    "hubspot": "HubSpot",
    "shopify": "Shopify",
    "wordpress": "WordPress",
    "mongodb": "MongoDB",
    "elasticsearch": "Elasticsearch",
    "nginx": "Nginx",
    "pytest": "pytest",
    "ui/ux": "UI/UX",
    "ux": "UX",
    "ui": "UI",
    "qa": "QA",
    "devops": "DevOps",
    "saas": "SaaS",
    "swift": "Swift",
    "kotlin": "Kotlin",
    "gpu": "GPU",
    "c": "C",
}
