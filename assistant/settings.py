"""Configuration: `CAREER_ASSISTANT_*` environment variables, then an optional TOML file, then defaults."""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict, TomlConfigSettingsSource

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Companies that hire ML engineers and publish a public Greenhouse board.
DEFAULT_GREENHOUSE_BOARDS = ["anthropic", "databricks", "gitlab", "reddit", "scaleai", "waymo"]


def _config_file() -> Path:
    """`CAREER_ASSISTANT_CONFIG`, else `career-assistant.toml` in the current directory."""
    return Path(os.environ.get("CAREER_ASSISTANT_CONFIG", "career-assistant.toml"))


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CAREER_ASSISTANT_", extra="ignore")

    home: Path = Field(PROJECT_ROOT, description="Holds corpus/listings and index/; tests point it at temp dirs.")
    guides_dir: Path = Field(PROJECT_ROOT / "corpus" / "guides", description="Role guides: shipped and user-added.")
    greenhouse_boards: list[str] = Field(default_factory=lambda: list(DEFAULT_GREENHOUSE_BOARDS))
    user_agent: str = "career-assistant/0.1 (remote ML job search assistant; polls a few times a day)"
    http_timeout: float = 20.0
    http_retries: int = 3
    http_backoff: float = 1.0  # seconds; doubles on each retry
    endpoints: dict[str, list[str]] = Field(default_factory=dict, description="Per-source URL overrides.")
    greenhouse_api: str = "https://boards-api.greenhouse.io"
    snapshots_kept: int = 5
    max_question_chars: int = 2000
    # The web page's refresh button fetches every board and rebuilds the index: off unless the operator asks,
    # as any client of the page can call its handlers.
    web_refresh: bool = False

    chroma_url: str | None = Field(None, description="A `chroma run` server; unset means an embedded store in index/.")
    embedding_backend: Literal["local", "openai"] = "local"
    openai_embedding_model: str = "text-embedding-3-small"
    openai_base_url: str | None = Field(
        None, validation_alias=AliasChoices("openai_base_url", "CAREER_ASSISTANT_OPENAI_BASE_URL", "OPENAI_BASE_URL")
    )
    openai_api_key: SecretStr | None = Field(
        None, validation_alias=AliasChoices("openai_api_key", "CAREER_ASSISTANT_OPENAI_API_KEY", "OPENAI_API_KEY")
    )
    llm: Literal["extractive", "openai"] = "extractive"  # "openai": any OpenAI-compatible chat endpoint
    llm_model: str = "gpt-4o-mini"
    llm_timeout: float = 30.0  # seconds to wait for the next bytes of an answer
    llm_max_tokens: int = 512

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return init_settings, env_settings, TomlConfigSettingsSource(settings_cls, toml_file=_config_file())

    @cached_property
    def listings_dir(self) -> Path:
        return self.home / "corpus" / "listings"

    @cached_property
    def index_dir(self) -> Path:
        return self.home / "index"

    @cached_property
    def feedback_log(self) -> Path:
        return self.home / "feedback" / "feedback.jsonl"
